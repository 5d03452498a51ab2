package shop;
import jakarta.persistence.*;
import org.hibernate.annotations.ColumnTransformer;

@Entity
public class Parcel {
    @Id private Long id;
    private Long countryId;
    @ColumnTransformer(read = "(SELECT c.name FROM country c WHERE c.id = country_id)")
    @Column(name = "country_label", insertable = false, updatable = false)
    private String countryName;
    public String getCountryName() { return countryName; }
    public Object getShipping() { return countryName; }
}
