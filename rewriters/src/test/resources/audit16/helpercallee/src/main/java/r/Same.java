package r;

import org.springframework.stereotype.Component;

@Component
public class Same {
    public java.util.List<Item> sameList(java.util.List<Item> items) {
        return items;
    }

    public Item same(Item item) {
        return item;
    }
}
