package dev.activityhub.application.identity.port.in;

import dev.activityhub.domain.identity.Workspace;
import dev.activityhub.domain.shared.Text;

public interface CreateWorkspaceUseCase {
    Workspace createWorkspace(CreateWorkspaceCommand command);

    record CreateWorkspaceCommand(String name) {
        public CreateWorkspaceCommand {
            name = Text.required("name", name, 200);
        }
    }
}
