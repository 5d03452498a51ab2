package r;
import jakarta.persistence.*;
@Entity public class Grant { @Id Long id; @ManyToOne(fetch = FetchType.LAZY) Account account; }
