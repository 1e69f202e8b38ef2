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
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Answers a refused deployment on {@code /engine-rest/deployment/create} with 400 and the parser's
 * message, as the stock REST API does not for malformed XML or a broken DMN table (it answers 500).
 * Everything else, and a missing permission on a deployment (403), keeps the stock answer.
 */
@Configuration
public class DeploymentErrorMappers {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentErrorMappers.class);

    @Bean
    ResourceConfigCustomizer deploymentErrorCustomizer() {
        return config -> config.register(EngineErrors.class).register(ModelErrors.class);
    }

    static Response answer(UriInfo uri, Throwable error) {
        boolean deployment = uri != null && uri.getPath().endsWith("deployment/create");
        if (!deployment || error instanceof AuthorizationException) {
            return ExceptionHandlerHelper.getInstance().getResponse(error);
        }
        LOG.info("Deployment refused: {}", error.getMessage());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", error.getClass().getSimpleName());
        body.put("message", error.getMessage());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                .build();
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
