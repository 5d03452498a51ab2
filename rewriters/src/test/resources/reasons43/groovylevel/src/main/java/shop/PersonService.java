package shop;

import org.springframework.stereotype.Service;

@Service
public class PersonService {
    private final PersonRepository repo;
    public PersonService(PersonRepository repo) { this.repo = repo; }

    public boolean exists(String name) { return repo.existsByName(name); }

    public void add(String name) { Person p = new Person(); p.setName(name); repo.save(p); }
}
