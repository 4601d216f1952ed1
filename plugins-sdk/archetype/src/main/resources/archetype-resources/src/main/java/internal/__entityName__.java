package ${package}.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.persistence.api.BaseRecord;

/** A ${entityName}, attached to an account. Its metadata drives the REST API, validation and OpenAPI. */
@Entity(name = "${entityName}")
@Table(name = "PLUGIN_${entityPlural.toUpperCase()}", indexes = @Index(name = "IX_${entityPlural.toUpperCase()}_ACCOUNT", columnList = "ACCOUNT_ID"))
public class ${entityName} extends BaseRecord {
    @Column(name = "TITLE", length = 200, nullable = false)
    private String title;
    @Column(name = "BODY", length = 32000)
    private String body;
    @Column(name = "ACCOUNT_ID", length = 36)
    private String accountId;

    static final EntityType<${entityName}> TYPE = EntityType
            .builder("${entityName}", "${entityPlural}", ${entityName}.class, ${entityName}::new)
            .module(PluginModule.ID)
            .label("${entityName}", "${entityName}")
            .pluralLabel("${moduleName}", "${moduleName}")
            .field(FieldDef.of("title", FieldType.STRING, ${entityName}::getTitle, ${entityName}::setTitle)
                    .label("Title", "标题").required().maxLength(200).searchable())
            .field(FieldDef.of("body", FieldType.TEXT, ${entityName}::getBody, ${entityName}::setBody)
                    .label("Text", "内容").notFilterable())
            .field(FieldDef.of("accountId", FieldType.REFERENCE, ${entityName}::getAccountId, ${entityName}::setAccountId)
                    .label("Account", "客户").referenceTo("Account"))
            .displayName(${entityName}::getTitle)
            .build();

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }
}
