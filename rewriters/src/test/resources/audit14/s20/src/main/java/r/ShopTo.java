package r;

import java.util.List;

public record ShopTo(Integer id, String name, List<String> items) {
}
