package io.cockpit.smtp.testing;

import io.cockpit.smtp.core.store.StoreKind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of the class once on each kind of store (H2, then PostgreSQL): the class declares
 * {@code @Parameter StoreKind store;} and opens its stores with {@code TestStore.open(store, dir)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
public @interface OnEveryStore {
}
