package io.jenkins.plugins.databricksgit.workspace;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What Configuration as Code relies on, read from the annotations the way structs' DescribableModel reads them:
 * {@code @DataBoundConstructor} parameters by their compiled names ({@code -parameters}), then
 * {@code @DataBoundSetter} setters, and getters of the same names for export. Not a Jenkins: it proves the names
 * and types line up, not how Jenkins converts values.
 */
final class DataBoundBinding {
    private DataBoundBinding() {}

    /** Applies a configuration map to an existing object (a GlobalConfiguration) through its setters. */
    static void configure(Object target, Map<String, ?> values) {
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Method setter = setter(target.getClass(), e.getKey());
            Type type = setter.getGenericParameterTypes()[0];
            invoke(setter, target, convert(type, e.getValue()));
        }
    }

    static <T> T instantiate(Class<T> type, Map<String, ?> values) {
        Constructor<?> ctor = Arrays.stream(type.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type + " has no public @DataBoundConstructor"));
        Map<String, Object> rest = new LinkedHashMap<>(values);
        Parameter[] params = ctor.getParameters();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            if (!params[i].isNamePresent()) {
                throw new AssertionError("compiled without -parameters: " + ctor);
            }
            args[i] = convert(params[i].getParameterizedType(), rest.remove(params[i].getName()));
        }
        T instance;
        try {
            instance = type.cast(ctor.newInstance(args));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        configure(instance, rest);
        return instance;
    }

    /** Reads back every bound property with a non-null value, as an export would. */
    static Map<String, Object> export(Object source) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        Arrays.stream(source.getClass().getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .forEach(c -> Arrays.stream(c.getParameters()).forEach(p -> names.add(p.getName())));
        for (Method m : source.getClass().getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Character.toLowerCase(m.getName().charAt(3))
                        + m.getName().substring(4));
            }
        }
        for (String name : names) {
            Object value = invoke(getter(source.getClass(), name), source);
            if (value instanceof List<?> list) {
                List<Object> items = new ArrayList<>();
                for (Object item : list) {
                    items.add(export(item));
                }
                value = items;
            }
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }

    private static Object convert(Type type, Object value) {
        if (value instanceof List<?> list && type instanceof ParameterizedType p) {
            Class<?> element = (Class<?>) p.getActualTypeArguments()[0];
            List<Object> items = new ArrayList<>();
            for (Object item : list) {
                @SuppressWarnings("unchecked")
                Map<String, ?> map = (Map<String, ?>) item;
                items.add(instantiate(element, map));
            }
            return items;
        }
        return value;
    }

    private static Method setter(Class<?> type, String property) {
        String name = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && m.isAnnotationPresent(DataBoundSetter.class))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type + " has no @DataBoundSetter for " + property));
    }

    private static Method getter(Class<?> type, String property) {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        try {
            return type.getMethod("get" + suffix);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(type + " has no getter for " + property + ", so it cannot be exported");
        }
    }

    private static Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
