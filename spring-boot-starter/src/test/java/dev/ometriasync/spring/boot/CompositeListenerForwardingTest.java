package dev.ometriasync.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ometriasync.runtime.OmetriaListener;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CompositeListener} stands between the pipeline and the application's listener beans: a callback it does not override
 * falls to the interface's empty default and never reaches the application (fieldTruncated and queueState were
 * lost that way). Every callback must be overridden, so that adding one to {@link OmetriaListener} fails here.
 */
class CompositeListenerForwardingTest {

    @Test
    void everyListenerCallbackIsForwarded() {
        List<String> notOverridden = Arrays.stream(OmetriaListener.class.getMethods())
                .filter(Method::isDefault)
                .filter(method -> !declares(CompositeListener.class, method))
                .map(Method::getName)
                .toList();
        assertThat(notOverridden).as("OmetriaListener callbacks CompositeListener does not forward").isEmpty();
    }

    private static boolean declares(Class<?> type, Method method) {
        try {
            type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
