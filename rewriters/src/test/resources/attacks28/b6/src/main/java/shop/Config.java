package shop;
import org.springframework.context.annotation.*;
@Configuration @ComponentScan("shop") public class Config {}
