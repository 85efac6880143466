package io.rampart.webadmin.policy;

import java.util.Map;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.config.ConfigException;
import io.rampart.core.policy.PolicyRule;
import io.rampart.webadmin.http.Json;
import io.rampart.webadmin.http.Params;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Domain and keyword policies ({@code policy.rule.*} in rampart.properties).
 * <ul>
 *   <li>{@code GET /rampart/policy}: {@code {"rules":[...]}}, the rules in force</li>
 *   <li>{@code POST /rampart/policy?action=reload}: re-reads rampart.properties; on an error (400
 *       naming file, key and value) the running rules stay</li>
 * </ul>
 */
public class PolicyRoutes implements Routes {
    public static final String BASE_PATH = "/rampart/policy";

    private final Rampart rampart;

    @Inject
    public PolicyRoutes(Rampart rampart) {
        this.rampart = rampart;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service http) {
        http.get(BASE_PATH, this::get);
        http.post(BASE_PATH, this::reload);
    }

    private Object get(Request request, Response response) {
        Params.of(request, ImmutableSet.of());
        return rules(response, rampart.policy().rules());
    }

    private Object reload(Request request, Response response) {
        Map<String, String> params = Params.of(request, ImmutableSet.of("action"));
        Params.required(params, "action", ImmutableSet.of("reload"));
        ImmutableList<PolicyRule> rules;
        try {
            rules = rampart.policy().reload();
        } catch (ConfigException e) {
            throw new IllegalArgumentException("Policy not reloaded, the running rules stay: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.CONFLICT_409)
                .type(ErrorResponder.ErrorType.WRONG_STATE)
                .message(e.getMessage())
                .haltError();
        }
        return rules(response, rules);
    }

    private static Object rules(Response response, ImmutableList<PolicyRule> rules) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("count", rules.size());
        node.set("rules", Json.mapper().valueToTree(rules));
        response.type("application/json");
        return node.toString();
    }
}
