package shop;
import java.lang.annotation.*;
import org.springframework.data.rest.core.annotation.RepositoryRestResource;
@Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE) @RepositoryRestResource
public @interface Exported {}
