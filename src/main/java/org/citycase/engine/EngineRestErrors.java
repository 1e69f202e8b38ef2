package org.citycase.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
 *       says the task was changed by someone else. Stock: 500 when the engine notices the clash at commit, and
 *       403 when the winner's commit removed the task, and with it the loser's permission on it, between the
 *       loser reading the task and checking that permission.</li>
 * </ul>
 * Everything else keeps the stock answer.
 */
@Configuration
public class EngineRestErrors {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);

    @Bean
    ResourceConfigCustomizer deploymentErrorCustomizer(ProcessEngine engine) {
        Predicate<String> taskGone = taskGone(engine);
        return config -> config.register(new EngineErrors(taskGone)).register(new ModelErrors(taskGone))
                .register(new RestErrors(taskGone));
    }

    /**
     * Whether a task no longer exists, looked up without authorization checks: a person who may not see a task
     * that still exists keeps the stock 403.
     */
    static Predicate<String> taskGone(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return taskId -> configuration.getCommandExecutorTxRequired()
                .execute(context -> context.getTaskManager().findTaskById(taskId) == null);
    }

    static Response answer(UriInfo uri, Throwable error, Predicate<String> taskGone) {
        if (concurrentChange(error) || permissionGoneWithTask(error, taskGone)) {
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
        return causes(error).anyMatch(t -> t instanceof OptimisticLockingException
                || t.getMessage() != null && t.getMessage().contains(OPTIMISTIC_LOCKING));
    }

    /** The error and its causes, outermost first. */
    private static Stream<Throwable> causes(Throwable error) {
        return Stream.iterate(error, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }

    /** A refused permission on a task that someone else has completed (or that was removed) meanwhile. */
    private static boolean permissionGoneWithTask(Throwable error, Predicate<String> taskGone) {
        return causes(error).filter(AuthorizationException.class::isInstance).findFirst().stream()
                .flatMap(refused -> ((AuthorizationException) refused).getMissingAuthorizations().stream())
                .filter(missing -> Resources.TASK.resourceName().equals(missing.getResourceType()))
                .map(MissingAuthorization::getResourceId)
                .filter(id -> id != null && !"*".equals(id))
                .findFirst()
                .map(taskGone::test)
                .orElse(false);
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

        private final Predicate<String> taskGone;
        @Context
        UriInfo uri;

        EngineErrors(Predicate<String> taskGone) {
            this.taskGone = taskGone;
        }

        @Override
        public Response toResponse(ProcessEngineException error) {
            return answer(uri, error, taskGone);
        }
    }

    /** Failures the REST resources already wrapped, such as a task completion that lost a race. */
    @Priority(1)
    public static class RestErrors implements ExceptionMapper<RestException> {

        private final Predicate<String> taskGone;
        @Context
        UriInfo uri;

        RestErrors(Predicate<String> taskGone) {
            this.taskGone = taskGone;
        }

        @Override
        public Response toResponse(RestException error) {
            return answer(uri, error, taskGone);
        }
    }

    /** Malformed XML and broken DMN tables, which the model and DMN parsers throw outside the engine's types. */
    @Priority(1)
    public static class ModelErrors implements ExceptionMapper<RuntimeException> {

        private final Predicate<String> taskGone;
        @Context
        UriInfo uri;

        ModelErrors(Predicate<String> taskGone) {
            this.taskGone = taskGone;
        }

        @Override
        public Response toResponse(RuntimeException error) {
            return answer(uri, error, taskGone);
        }
    }
}
