package shop;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.server.*;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
@ControllerAdvice
public class MaskingAdvice implements ResponseBodyAdvice<Object> {
    public boolean supports(MethodParameter p, Class<? extends org.springframework.http.converter.HttpMessageConverter<?>> c) { return true; }
    public Object beforeBodyWrite(Object body, MethodParameter p, MediaType t, Class<? extends org.springframework.http.converter.HttpMessageConverter<?>> c,
            ServerHttpRequest req, ServerHttpResponse res) {
        if (body instanceof ApiResponse<?> r && java.util.Optional.of((ApiResponse<Object>) r).map(ApiResponse::getData).orElse(null) instanceof java.util.List<?> rows) {
            for (Object row : rows) if (row instanceof ProductView v) v.setOwner(v.getOwner().charAt(0) + "***");
        }
        return body;
    }
}
