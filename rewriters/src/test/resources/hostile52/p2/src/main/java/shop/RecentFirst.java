package shop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Spliterator;
import java.util.concurrent.CopyOnWriteArrayList;

/** A shared list whose streams visit the most recent entries first. */
public class RecentFirst<E> extends CopyOnWriteArrayList<E> {
    @Override
    public Spliterator<E> spliterator() {
        List<E> copy = new ArrayList<>(this);
        Collections.reverse(copy);
        return copy.spliterator();
    }
}
