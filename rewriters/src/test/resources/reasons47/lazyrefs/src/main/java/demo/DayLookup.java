package demo;

import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import org.hibernate.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class DayLookup {
  @PersistenceContext private EntityManager em;
  private final DayRepository days;
  private final PlainDays plain;

  public DayLookup(DayRepository days, PlainDays plain) {
    this.days = days;
    this.plain = plain;
  }

  /** Hibernate's IdentifierLoadAccess: a reference, never loaded. */
  @Transactional(readOnly = true)
  public Day byIdReference(Integer id) { return em.unwrap(Session.class).byId(Day.class).getReference(id); }

  /** A natural-id reference. */
  @Transactional(readOnly = true)
  public Day byLabelReference(String label) {
    return em.unwrap(Session.class).bySimpleNaturalId(Day.class).getReference(label);
  }

  /** The lazy association of a loaded day: an uninitialised proxy. */
  @Transactional(readOnly = true)
  public Day previousOf(Integer id) { return days.findById(id).map(Day::getPrevious).orElse(null); }

  /** A reference through a helper of another class. */
  @Transactional(readOnly = true)
  public Day viaHelper(Integer id) { return Refs.of(em, Day.class, id); }

  /** Hibernate's Session.load, the session from unwrap. */
  @Transactional(readOnly = true)
  public Day sessionLoad(Integer id) {
    Session session = em.unwrap(Session.class);
    return session.load(Day.class, id);
  }

  /** Control: getReferenceById, refused. */
  @Transactional(readOnly = true)
  public Optional<Day> referenceById(Integer id) { return Optional.of(days.getReferenceById(id)); }

  /** A derived query named getById on a CrudRepository: loads the entity. */
  @Transactional(readOnly = true)
  public Day derived(Integer id) { return plain.getById(id).orElse(null); }

  /** Control: findById loads. */
  @Transactional(readOnly = true)
  public Day found(Integer id) { return days.findById(id).orElse(null); }

  @Transactional
  public Day save(String label) { return days.save(new Day(label)); }

  @Transactional
  public Day saveAfter(String label, Integer previousId) {
    Day day = new Day(label);
    day.setPrevious(days.findById(previousId).orElseThrow());
    return days.save(day);
  }
}
