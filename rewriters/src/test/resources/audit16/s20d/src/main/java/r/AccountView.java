package r;

import lombok.Builder;
import lombok.Value;

@Value
@Builder
public class AccountView {
    Long id;
    String email;
    Long ownerId;
}
