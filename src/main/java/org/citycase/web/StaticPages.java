package org.citycase.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the pages under {@code static/} at their folder's address: the leaders' ranking page at
 * {@code /leaders/} and the departments' inbox at {@code /inbox/}. Neither page holds data: each asks for a user
 * name and password and reads the API with them ({@code /api/assessments}, {@code /api/inbox}).
 */
@Configuration
public class StaticPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String page : new String[] {"leaders", "inbox"}) {
            registry.addRedirectViewController("/" + page, "/" + page + "/");
            registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
        }
    }
}
