package r;
import jakarta.persistence.*;
@Entity public class Ticket { @Id Long id; Long sessionId; String seat; public String getSeat(){return seat;} public void setSeat(String s){seat=s;} }
