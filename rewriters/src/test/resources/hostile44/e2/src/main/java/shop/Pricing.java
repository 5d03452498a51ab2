package shop;

import org.springframework.stereotype.Component;

@Component
public class Pricing {
    public int preview(ProductInOrder line) {
        line.reserve();
        return line.count == null ? 0 : line.count;
    }
}
