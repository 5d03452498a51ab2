package shop;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
@Entity
public class Capital extends City {
    @ManyToOne(fetch = FetchType.LAZY)
    private Vet mayor;
    @Override
    public String getName() { return name + " (mayor " + mayor.getName() + ")"; }
}
