package r;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.NoRepositoryBean;

@NoRepositoryBean
public interface BaseRepository<T> extends JpaRepository<T, Integer> {
    default T getExisted(int id) {
        return findById(id).orElseThrow(() -> new IllegalArgumentException("Entity with id=" + id + " not found"));
    }
}
