package shop;
import java.util.List;
public interface AbstractMapper<E, D> {
    List<D> allEntitiesToDtos(List<E> entities);
}
