package r;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PageController {
    private final KindService kinds;
    private final MemberService members;

    public PageController(KindService kinds, MemberService members) {
        this.kinds = kinds;
        this.members = members;
    }

    @GetMapping("/kinds")
    public List<String> kinds() {
        return kinds.findAll().stream().map(Kind::getName).collect(Collectors.toList());
    }

    @GetMapping("/kinds/named")
    public List<String> named(@RequestParam String name) {
        return kinds.byName(name).stream().map(Kind::getName).collect(Collectors.toList());
    }

    @PostMapping("/members")
    public Long register(@RequestParam String email) {
        return members.register(email).getId();
    }
}
