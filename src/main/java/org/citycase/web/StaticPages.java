package org.citycase.assessment;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the leaders' ranking page ({@code static/leaders/index.html}) at {@code /leaders/}. The page holds no
 * data: it asks for a user name and password and reads the rankings from {@code /api/assessments} with them.
 */
@Configuration
public class LeadersPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/leaders", "/leaders/");
        registry.addViewController("/leaders/").setViewName("forward:/leaders/index.html");
    }
}
