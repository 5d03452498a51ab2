package shop;
import java.util.*;
import org.springframework.stereotype.Service;
@Service
public class People {
    private final PersonRepository people;
    public People(PersonRepository people) { this.people = people; }
    public Optional<Person> findById(Long id) {
        return people.findWithRolesById(id);
    }
}
