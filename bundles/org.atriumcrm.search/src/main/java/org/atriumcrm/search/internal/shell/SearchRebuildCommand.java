package org.atriumcrm.search.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.atriumcrm.search.internal.QuickSearchService;

@Service
@Command(scope = "atrium", name = "search-rebuild", description = "Rebuilds the quick-search index of an entity type (all when none is named), in the background")
public class SearchRebuildCommand implements Action {

    @Reference
    QuickSearchService search;

    @Argument(index = 0, name = "entity", required = false, description = "entity type, e.g. Account")
    String entity;

    @Override
    public Object execute() throws Exception {
        if (!search.rebuild(entity)) {
            System.out.println("no quick-search index for " + entity + "; indexed: " + search.status().keySet());
            return null;
        }
        search.status().forEach((type, s) -> System.out.println(type + ": " + s));
        return null;
    }
}
