package io.rampart.webadmin.people;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.sender.People;
import io.rampart.core.sender.PersonNames;
import io.rampart.webadmin.http.Json;
import io.rampart.webadmin.http.Params;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The organisation's people's names that outsiders must not write under ({@code sender.impersonates-person})
 * and other local accounts must not either ({@code behaviour.impersonation}).
 * <ul>
 *   <li>{@code GET /rampart/people[?name=&offset=&limit=]}: {@code [{"name","source","address"}]}, the
 *       configured names ({@code detection.people}, source {@code configured}, with the local address
 *       learnt for it once its owner has sent under it) then the learnt ones (source {@code learnt}, with
 *       the local address that sends under the name); {@code name} keeps the
 *       entry that name matches (any spelling Rampart treats as the same name)</li>
 *   <li>{@code DELETE /rampart/people/{name}}: forgets a learnt name, or the address learnt for a
 *       configured one (204; 404 when not learnt; 400 for a configured name with no learnt address, which is
 *       removed from {@code detection.people})</li>
 * </ul>
 */
public class PeopleRoutes implements Routes {
    public static final String BASE_PATH = "/rampart/people";
    private static final Set<String> LIST_PARAMETERS = Params.withPage(ImmutableSet.of("name"));
    private static final ObjectMapper MAPPER = Json.mapper();

    private final Rampart rampart;

    @Inject
    public PeopleRoutes(Rampart rampart) {
        this.rampart = rampart;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service http) {
        http.get(BASE_PATH, this::list);
        http.delete(BASE_PATH + "/:name", this::forget);
    }

    private Object list(Request request, Response response) {
        Map<String, String> params = Params.of(request, LIST_PARAMETERS);
        Params.Page page = Params.page(params);
        Optional<String> name = Optional.ofNullable(params.get("name"));
        Stream<People.Known> people;
        if (name.isPresent()) {
            if (PersonNames.key(name.get()).isEmpty()) {
                throw new IllegalArgumentException("'name' must be " + PersonNames.ACCEPTED + ", got '" + name.get() + "'");
            }
            people = rampart.people().lookup(name.get()).stream();
        } else {
            people = rampart.people().all().stream();
        }
        ArrayNode list = MAPPER.createArrayNode();
        page.of(people).forEach(known -> {
            ObjectNode entry = list.addObject();
            entry.put("name", known.name());
            entry.put("source", known.configured() ? "configured" : "learnt");
            known.address().ifPresent(address -> entry.put("address", address));
        });
        return Json.write(response, list);
    }

    private Object forget(Request request, Response response) {
        Params.of(request, ImmutableSet.of());
        String name = request.params("name");
        if (PersonNames.key(name).isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' is not " + PersonNames.ACCEPTED);
        }
        Optional<People.Known> known = rampart.people().lookup(name);
        if (known.isPresent() && known.get().configured()) {
            if (!rampart.people().forget(name)) {
                throw new IllegalArgumentException("'" + known.get().name() + "' is configured in detection.people and "
                    + "Rampart learnt no address for it: change it there");
            }
            return Json.noContent(response);
        }
        if (!rampart.people().forget(name)) {
            throw Params.notFound("'" + name + "' is not a learnt name");
        }
        return Json.noContent(response);
    }
}
