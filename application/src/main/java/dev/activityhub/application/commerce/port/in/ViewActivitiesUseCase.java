package dev.activityhub.application.commerce.port.in;

import dev.activityhub.domain.commerce.ActivityFilter;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.commerce.TargetUser;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.PageQuery;

import java.util.List;
import java.util.UUID;

public interface ViewActivitiesUseCase {
    /** Needs {@code VIEW_ACTIVITIES}; another tenant's activity is not found. */
    CommerceActivity getActivity(Principal principal, UUID activityId);

    Page<CommerceActivity> listActivities(Principal principal, ActivityFilter filter, PageQuery page);

    /** The activity's target-user candidates, best first. */
    List<TargetUser> listTargetUsers(Principal principal, UUID activityId);
}
