package org.whatmatters.local.cloud;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.whatmatters.config.Env;

/**
 * A handler's public constructor that takes its function's wiring, and the wiring's static {@code create(Env)}: how
 * the local cloud builds a function on the template's environment, where Lambda's no-arg constructor reads the
 * process's.
 */
public record HandlerWiring(Constructor<?> constructor, Method create) {

    public static Optional<HandlerWiring> of(Class<?> handler) {
        for (Constructor<?> c : handler.getConstructors()) {
            if (c.getParameterCount() != 1) {
                continue;
            }
            Class<?> wiring = c.getParameterTypes()[0];
            Optional<Method> create = Arrays.stream(wiring.getMethods())
                    .filter(m -> m.getName().equals("create") && Modifier.isStatic(m.getModifiers())
                            && Arrays.equals(m.getParameterTypes(), new Class<?>[]{Env.class})
                            && wiring.isAssignableFrom(m.getReturnType()))
                    .findFirst();
            if (create.isPresent()) {
                return Optional.of(new HandlerWiring(c, create.get()));
            }
        }
        return Optional.empty();
    }

    /** The wiring's type: for the template's functions, their Dagger component. */
    public Class<?> type() {
        return constructor.getParameterTypes()[0];
    }

    /** The handler on {@code env}; what either step throws comes as an InvocationTargetException. */
    public Object build(Env env) throws ReflectiveOperationException {
        return constructor.newInstance(create.invoke(null, env));
    }

    /**
     * The handler on {@code env} and the local cloud's clock (in the provider's zone, as Lambda's wiring has
     * it), where the wiring takes one: {@code create(Env, Clock)}; else as {@link #build(Env)}.
     */
    public Object build(Env env, Clock clock) throws ReflectiveOperationException {
        try {
            Method withClock = type().getMethod("create", Env.class, Clock.class);
            if (Modifier.isStatic(withClock.getModifiers()) && type().isAssignableFrom(withClock.getReturnType())) {
                return constructor.newInstance(withClock.invoke(null, env, clock.withZone(env.zone())));
            }
        } catch (NoSuchMethodException none) {
            // this wiring reads the system clock
        }
        return build(env);
    }
}
