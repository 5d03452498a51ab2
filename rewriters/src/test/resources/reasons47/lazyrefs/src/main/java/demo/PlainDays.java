package demo;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

/** A CrudRepository: getById here is a derived query (getBy + Id), which loads the row. */
public interface PlainDays extends CrudRepository<Day, Integer> {
  Optional<Day> getById(Integer id);
}
