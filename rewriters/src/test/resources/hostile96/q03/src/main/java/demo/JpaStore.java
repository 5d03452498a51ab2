package demo;
import java.lang.annotation.*;
import org.springframework.beans.factory.annotation.Qualifier;
/** Marks the JPA store and the places that must use it. */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PARAMETER, ElementType.FIELD})
public @interface JpaStore {}
