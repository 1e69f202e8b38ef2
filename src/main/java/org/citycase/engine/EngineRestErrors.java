package org.citycase.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two answers of {@code /engine-rest} that the stock REST API gets wrong for its users:
 * <ul>
 *   <li>a refused deployment on {@code deployment/create} is 400 with the parser's message (stock: 500 for
 *       malformed XML or a broken DMN table); a missing permission stays 403;</li>
 *   <li>two people completing or changing the same task at once: the loser gets 409 with a message that
 *       says the task was changed by someone else (stock: 500).</li>
 * </ul>
 * Everything else keeps the stock answer.
 */
@Configuration
public class EngineRestErrors {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);

    @Bean
    ResourceConfigCustomizer deploymentErrorCustomizer() {
        return config -> config.register(EngineErrors.class).register(ModelErrors.class).register(RestErrors.class);
    }

    static Response answer(UriInfo uri, Throwable error) {
        if (concurrentChange(error)) {
            return json(Response.Status.CONFLICT, error, "Someone else changed this task or case at the same "
                    + "moment; reload it and try again");
        }
        boolean deployment = uri != null && uri.getPath().endsWith("deployment/create");
        if (!deployment || error instanceof AuthorizationException) {
            return ExceptionHandlerHelper.getInstance().getResponse(error);
        }
        LOG.info("Deployment refused: {}", error.getMessage());
        return json(Response.Status.BAD_REQUEST, error, error.getMessage());
    }

    /**
     * The REST API wraps the engine's optimistic-locking failure of a task completion in an exception of its
     * own that keeps only the message, whose log code {@value #OPTIMISTIC_LOCKING} names the failure.
     */
    private static boolean concurrentChange(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingException
                    || t.getMessage() != null && t.getMessage().contains(OPTIMISTIC_LOCKING)) {
                return true;
            }
        }
        return false;
    }

    static final String OPTIMISTIC_LOCKING = "ENGINE-03005";

    private static Response json(Response.Status status, Throwable error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", error.getClass().getSimpleName());
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Invalid models: the engine's parse and validation errors. */
    @Priority(1)
    public static class EngineErrors implements ExceptionMapper<ProcessEngineException> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProcessEngineException error) {
            return answer(uri, error);
        }
    }

    /** Failures the REST resources already wrapped, such as a task completion that lost a race. */
    @Priority(1)
    public static class RestErrors implements ExceptionMapper<RestException> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(RestException error) {
            return answer(uri, error);
        }
    }

    /** Malformed XML and broken DMN tables, which the model and DMN parsers throw outside the engine's types. */
    @Priority(1)
    public static class ModelErrors implements ExceptionMapper<RuntimeException> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(RuntimeException error) {
            return answer(uri, error);
        }
    }
}
