package dev.activityhub.http.openapi;

import dev.activityhub.http.shared.ApiFamily;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each route accepts and answers, declared next to the route by the group that registers it
 * ({@code RouteGroup.describe}). Schemas are generated from the DTO classes named here, and the HTTP
 * tests validate every real response against the resulting documents, so neither can drift.
 */
public final class ApiDocs {
    private final List<Operation> operations = new ArrayList<>();

    /** Declares an operation; {@code path} in Javalin form, e.g. {@code /api/v1/leads/{leadId}}. */
    public Operation operation(String method, String path, String summary) {
        Operation op = new Operation(method.toUpperCase(Locale.ROOT), path, summary);
        operations.add(op);
        return op;
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    public List<Operation> operations(ApiFamily family) {
        return operations.stream().filter(op -> op.family() == family).toList();
    }

    /** One method on one path. */
    public static final class Operation {
        private final String method;
        private final String path;
        private final String summary;
        private Class<?> requestBody;
        private boolean bodyRequired = true;
        private boolean multipart;
        private final Map<Integer, Response> responses = new LinkedHashMap<>();
        private final List<Parameter> query = new ArrayList<>();

        Operation(String method, String path, String summary) {
            this.method = method;
            this.path = path;
            this.summary = summary;
        }

        public Operation body(Class<?> type) {
            this.requestBody = type;
            return this;
        }

        /** A JSON body the client may leave out (an empty request means "use the defaults"). */
        public Operation optionalBody(Class<?> type) {
            this.requestBody = type;
            this.bodyRequired = false;
            return this;
        }

        public boolean bodyRequired() {
            return bodyRequired;
        }

        /** A multipart/form-data body (file uploads); its parts are described in the summary. */
        public Operation multipartBody() {
            this.multipart = true;
            return this;
        }

        public Operation query(String name, String type, String description) {
            query.add(new Parameter(name, type, description));
            return this;
        }

        /** A JSON response of this type (a class, or {@link ApiDocs#generic}); {@code null} for no body. */
        public Operation response(int status, Type type) {
            responses.put(status, new Response(type, false));
            return this;
        }

        /** A JSON array of this class. */
        public Operation responseList(int status, Type itemType) {
            responses.put(status, new Response(itemType, true));
            return this;
        }

        /** Error statuses this operation can answer with, in its family's error body. */
        public Operation errors(int... statuses) {
            for (int status : statuses) {
                responses.put(status, Response.ERROR);
            }
            return this;
        }

        public String method() {
            return method;
        }

        public String path() {
            return path;
        }

        public String summary() {
            return summary;
        }

        public Class<?> requestBody() {
            return requestBody;
        }

        public boolean multipart() {
            return multipart;
        }

        public Map<Integer, Response> responses() {
            return responses;
        }

        public List<Parameter> queryParameters() {
            return query;
        }

        public ApiFamily family() {
            return ApiFamily.ofPath(path);
        }
    }

    /** A parameterised type such as {@code PageResponse<ActivityResponse>}, for generic DTO records. */
    public static Type generic(Class<?> raw, Type... arguments) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return arguments.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return raw.getDeclaringClass();
            }
        };
    }

    /** @param type null for an empty body; {@link #ERROR} for the family's error body */
    public record Response(Type type, boolean list) {
        static final Response ERROR = new Response(Void.class, false);

        boolean isError() {
            return this == ERROR;
        }
    }

    public record Parameter(String name, String type, String description) {
    }
}
