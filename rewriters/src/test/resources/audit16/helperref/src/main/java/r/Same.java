package r;

import org.springframework.stereotype.Component;

@Component
public class Same {
    public Item same(Item item) {
        return item;
    }
}
