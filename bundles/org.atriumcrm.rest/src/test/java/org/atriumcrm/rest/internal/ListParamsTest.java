package org.atriumcrm.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.query.SortKey;
import org.junit.Test;

public class ListParamsTest {

    private static ListQuery parse(String offset, String limit, String sort, String q, String... filters) {
        return ListParams.parse(Thing.TYPE, offset, limit, sort, q, List.of(filters));
    }

    private static String error(String offset, String limit, String sort, String... filters) {
        try {
            parse(offset, limit, sort, null, filters);
            fail("accepted");
            return null;
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            return e.errors().get(0).field() + ": " + e.errors().get(0).message();
        }
    }

    @Test
    public void pagingNumbersTooLargeForAnIntAreNamedAsSuch() {
        assertEquals("offset: must be at most 2147483647, not 2147483648", error("2147483648", null, null));
        assertEquals(2147483647, parse("2147483647", null, null, null).offset());
        assertEquals("limit: must be between 1 and 500, not 99999999999", error(null, "99999999999", null));
        assertEquals("offset: must be an integer, not '1.5'", error("1.5", null, null));
        assertEquals("offset: must be 0 or more, not -1", error("-1", null, null));
    }

    @Test
    public void defaultsAndPaging() {
        ListQuery q = parse(null, null, null, null);
        assertEquals(0, q.offset());
        assertEquals(50, q.limit());
        assertEquals(500, parse("10", "500", null, null).limit());
    }

    @Test
    public void listTotalsAreBoundedUnlessExactIsAsked() {
        assertEquals(ListQuery.LIST_COUNT_LIMIT, ListParams.countLimit(null));
        assertEquals(ListQuery.LIST_COUNT_LIMIT, ListParams.countLimit("bounded"));
        assertEquals(ListQuery.EXACT_COUNT, ListParams.countLimit("exact"));
        assertEquals("no count at all", ListQuery.NO_COUNT, ListParams.countLimit("none"));
        assertEquals("programmatic queries count exactly", ListQuery.EXACT_COUNT, parse(null, null, null, null).countLimit());
        try {
            ListParams.countLimit("all");
            fail();
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            assertTrue(e.errors().toString(), e.errors().get(0).message().contains("exact, bounded or none"));
        }
    }

    @Test
    public void badPagingIsNamed() {
        assertEquals("offset: must be 0 or more, not -1", error("-1", null, null));
        assertEquals("limit: must be between 1 and 500, not 501", error(null, "501", null));
        assertEquals("limit: must be integer, not 'ten'".replace("be integer", "be an integer"), error(null, "ten", null));
    }

    @Test
    public void sortTakesSeveralFieldsAndDirections() {
        assertEquals(List.of(new SortKey("name", false), new SortKey("createdAt", true), new SortKey("count", false)),
                parse(null, null, "name, -createdAt,+count", null).sort());
        assertEquals("sort: 'nope' is not a field of Thing", error(null, null, "nope"));
        assertEquals("sort: cannot sort by notes", error(null, null, "notes"));
    }

    @Test
    public void filtersAreTypedAndJoinedWithAnd() {
        List<Condition> c = parse(null, null, null, null,
                "kind eq 'a' and amount ge 10.5 and day lt 2026-01-01", "name like 'O''Brien*'", "count in (1, 2,3)",
                "otherId is null", "email is not null", "active eq true").conditions();
        assertEquals(new Condition("kind", Operator.EQ, List.of("a")), c.get(0));
        assertEquals(new Condition("amount", Operator.GE, List.of(new BigDecimal("10.5"))), c.get(1));
        assertEquals(new Condition("day", Operator.LT, List.of(LocalDate.of(2026, 1, 1))), c.get(2));
        assertEquals(new Condition("name", Operator.LIKE, List.of("O'Brien*")), c.get(3));
        assertEquals(new Condition("count", Operator.IN, List.of(1L, 2L, 3L)), c.get(4));
        assertEquals(Operator.IS_NULL, c.get(5).operator());
        assertEquals(Operator.IS_NOT_NULL, c.get(6).operator());
        assertEquals(Boolean.TRUE, c.get(7).value());
    }

    @Test
    public void badFiltersSayWhatIsWrong() {
        assertEquals("filter: 'bogus' is not a field of Thing", error(null, null, null, "bogus eq 1"));
        assertEquals("filter: count must be an integer", error(null, null, null, "count eq abc"));
        assertEquals("filter: kind must be one of a, b, not 'z'", error(null, null, null, "kind eq z"));
        assertTrue(error(null, null, null, "name ~ 'x'").startsWith("filter: unknown operator '"));
        assertEquals("filter: cannot filter by notes", error(null, null, null, "notes eq 'x'"));
        assertEquals("filter: 'like' needs a text field; count is integer", error(null, null, null, "count like 1"));
        assertEquals("filter: unterminated quoted value for name", error(null, null, null, "name eq 'abc"));
        assertTrue(error(null, null, null, "name eq a or count eq 1").startsWith("filter: expected 'and'"));
        assertEquals("filter: expected a value for name", error(null, null, null, "name eq"));
    }

    @Test
    public void injectionAttemptsAreJustValues() {
        Condition c = parse(null, null, null, null, "name eq 'x'' OR 1=1'").conditions().get(0);
        assertEquals("x' OR 1=1", c.value());
    }
}
