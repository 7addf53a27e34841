package com.chatgptconnector.boundary.usage;

import com.chatgptconnector.block.BlockService;
import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.problem.ValidationException;
import com.chatgptconnector.settings.ChatGptSettingsService;
import com.chatgptconnector.usage.UsageReport;
import com.chatgptconnector.usage.UsageService;
import com.chatgptconnector.workspace.WorkspaceAccess;
import com.chatgptconnector.workspace.WorkspaceAccess.Rule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A workspace's usage of one month (UTC): totals per block, model, day and error code. */
@Path("workspaces/{ws}/chatgpt/usage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    @Inject
    WorkspaceAccess access;

    @Inject
    UsageService usage;

    @Inject
    BlockService blocks;

    @Inject
    ChatGptSettingsService settings;

    @GET
    @RolesAllowed({Roles.USER, Roles.OPERATOR})
    public UsageReport report(@PathParam("ws") String ws, @QueryParam("month") String month) {
        access.require(ws, Rule.ADMIN_OR_OPERATOR);
        YearMonth selected;
        try {
            selected = month == null || month.isBlank() ? YearMonth.now(Clock.system(ZoneOffset.UTC)) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.of("month", "month_format");
        }
        return usage.report(ws, selected, blocks.names(ws), settings.view(ws).tokenLimit());
    }
}
