package demo;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.support.OpenEntityManagerInViewFilter;

/** Open-in-view as a servlet filter of the project's own, ahead of its other filters: they share its context. */
@Configuration
public class ViewConfig {
  @Bean
  public FilterRegistrationBean<OpenEntityManagerInViewFilter> openInView() {
    FilterRegistrationBean<OpenEntityManagerInViewFilter> registration =
        new FilterRegistrationBean<>(new OpenEntityManagerInViewFilter());
    registration.setOrder(Integer.MIN_VALUE);
    return registration;
  }
}
