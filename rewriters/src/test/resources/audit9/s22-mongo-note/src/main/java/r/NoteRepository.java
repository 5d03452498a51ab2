package r;
public interface NoteRepository extends org.springframework.data.jpa.repository.JpaRepository<Note, Long> {}
