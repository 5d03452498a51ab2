package r;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.*;
import java.time.LocalDate;
import lombok.Getter;

@Entity
@Getter
public class Item {
    @Id @GeneratedValue
    private Integer id;
    private String title;
    private LocalDate day;
    @ManyToOne(fetch = FetchType.LAZY)
    @JsonIgnore
    private Shop shop;
}
