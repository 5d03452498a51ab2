package r;
import jakarta.persistence.*;
@Entity public class Note { @Id @GeneratedValue Long id; String text; public void setText(String t){text=t;} }
