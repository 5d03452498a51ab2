package shop;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NoteQueries extends JpaRepository<Note, Long> {
    @Query("select n.title from Note n where n.id = :id")
    String titleOf(@Param("id") Long id);
}
