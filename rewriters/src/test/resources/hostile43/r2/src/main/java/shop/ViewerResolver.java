package shop;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
/** the viewer of a pet page: who (X-User) and whether they like the pet, which it marks on the pet */
@Component
public class ViewerResolver implements HandlerMethodArgumentResolver {
    private final PetRepository repo;
    private final Likes likes;
    public ViewerResolver(PetRepository repo, Likes likes) { this.repo = repo; this.likes = likes; }
    @Override public boolean supportsParameter(MethodParameter parameter) { return parameter.getParameterType() == Viewer.class; }
    @Override public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binders) {
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        Long id = Long.valueOf(vars.get("id"));
        String user = request.getHeader("X-User");
        Pet pet = repo.findById(id).orElseThrow();
        pet.setLiked(likes.has(user, id));
        return new Viewer(user, pet.isLiked());
    }
}
