package demo.adapter.out.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Old URLs kept working by forwarding to the new ones. */
@Configuration
public class LegacyUrls implements WebMvcConfigurer {
  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/legacy/days").setViewName("forward:/days");
  }
}
