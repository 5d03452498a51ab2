package r;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface KindRepository extends JpaRepository<Kind, Long> {
    List<Kind> findByName(String name);
}
