package app.platform.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Reads {@link PageRequest} parameters from {@code ?limit=&cursor=}, checking the limit. */
@Configuration(proxyBeanMethods = false)
class PageRequestResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageRequest.class;
    }

    @Override
    public PageRequest resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binders) {
        String cursor = request.getParameter("cursor");
        return new PageRequest(limit(request.getParameter("limit")), cursor == null || cursor.isBlank() ? null : cursor);
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return PageRequest.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= PageRequest.MAX_LIMIT) {
                return limit;
            }
        }
        catch (NumberFormatException notANumber) {
            // Answered below.
        }
        throw InvalidInput.of("limit", "must be a whole number from 1 to " + PageRequest.MAX_LIMIT);
    }
}
