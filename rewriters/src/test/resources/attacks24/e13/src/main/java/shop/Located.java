package shop;
import jakarta.persistence.*;

@MappedSuperclass
public abstract class Located {
    @ManyToOne(fetch = FetchType.LAZY)
    protected Country country;
    public Country getCountry() { return country; }
}
