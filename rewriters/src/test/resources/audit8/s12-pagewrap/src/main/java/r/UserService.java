package r;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.domain.*;
import org.springframework.stereotype.Service;
@Service public class UserService {
  private final UserRepository repo; public UserService(UserRepository repo){this.repo=repo;}
  public PageResponse<UserResponse> all(int p, int size) { Pageable pageable = PageRequest.of(p, size);
    Page<User> page = repo.findAll(pageable);
    List<UserResponse> content = page.getContent().stream().map(u -> new UserResponse(u.getId(), u.getName())).collect(Collectors.toList());
    return new PageResponse<>(content, page.getTotalElements());
  }
  public void rename(Integer id, String n) { User u = repo.findById(id).orElseThrow(); u.setName(n); repo.save(u); }
}
