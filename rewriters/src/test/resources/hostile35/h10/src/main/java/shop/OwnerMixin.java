package shop;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.springframework.boot.jackson.JsonMixin;
@JsonMixin(Owner.class)
abstract class OwnerMixin {
    @JsonIgnore(false) List<Cat> cats;
}
