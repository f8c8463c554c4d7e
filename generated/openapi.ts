// Generated from specs/openapi.yaml by `npm run generate` (openapi-typescript). Do not edit by hand:
// change the slice (npm run spec:slice, specs/decisions.yaml) and regenerate.
// specs/openapi.yaml sha256: b6658bd700b79d156b2824f99f955057cae7408a85f6fef3505aedc2042baea1

export interface paths {
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile_GetOnPremisesPublishingProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile_ListAgentGroup"];
        put?: never;
        post: operations["onPremisesPublishingProfile_CreateAgentGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/$count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agentGroup_GetCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/{onPremisesAgentGroup-id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile_GetAgentGroup"];
        put?: never;
        post?: never;
        delete: operations["onPremisesPublishingProfile_DeleteAgentGroup"];
        options?: never;
        head?: never;
        patch: operations["onPremisesPublishingProfile_UpdateAgentGroup"];
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/{onPremisesAgentGroup-id}/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agentGroup_ListAgent"];
        put?: never;
        post: operations["onPremisesPublishingProfile.agentGroup_CreateAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/{onPremisesAgentGroup-id}/agents/$count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agentGroup.agent_GetCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/{onPremisesAgentGroup-id}/agents/{onPremisesAgent-id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agentGroup_GetAgent"];
        put?: never;
        post?: never;
        delete: operations["onPremisesPublishingProfile.agentGroup_DeleteAgent"];
        options?: never;
        head?: never;
        patch: operations["onPremisesPublishingProfile.agentGroup_UpdateAgent"];
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/{onPremisesAgentGroup-id}/agents/{onPremisesAgent-id}/agentGroups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agentGroup.agent_ListAgentGroup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/{onPremisesAgentGroup-id}/agents/{onPremisesAgent-id}/agentGroups/$count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agentGroup.agent.agentGroup_GetCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/{onPremisesAgentGroup-id}/agents/{onPremisesAgent-id}/agentGroups/$ref": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agentGroup.agent_ListAgentGroupGraphBPreRef"];
        put?: never;
        post: operations["onPremisesPublishingProfile.agentGroup.agent_CreateAgentGroupGraphBPreRef"];
        delete: operations["onPremisesPublishingProfile.agentGroup.agent_DeleteAgentGroupGraphBPreRef"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/{onPremisesAgentGroup-id}/agents/{onPremisesAgent-id}/agentGroups/{onPremisesAgentGroup-id1}/$ref": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["onPremisesPublishingProfile.agentGroup.agent.agentGroup_DeleteOnPremisesAgentGroupGraphBPreRef"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/{onPremisesAgentGroup-id}/publishedResources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agentGroup_ListPublishedResource"];
        put?: never;
        post: operations["onPremisesPublishingProfile.agentGroup_CreatePublishedResource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/{onPremisesAgentGroup-id}/publishedResources/$count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agentGroup.publishedResource_GetCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/{onPremisesAgentGroup-id}/publishedResources/{publishedResource-id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agentGroup_GetPublishedResource"];
        put?: never;
        post?: never;
        delete: operations["onPremisesPublishingProfile.agentGroup_DeletePublishedResource"];
        options?: never;
        head?: never;
        patch: operations["onPremisesPublishingProfile.agentGroup_UpdatePublishedResource"];
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/{onPremisesAgentGroup-id}/publishedResources/{publishedResource-id}/agentGroups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agentGroup.publishedResource_ListAgentGroup"];
        put?: never;
        post: operations["onPremisesPublishingProfile.agentGroup.publishedResource_CreateAgentGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/{onPremisesAgentGroup-id}/publishedResources/{publishedResource-id}/agentGroups/$count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agentGroup.publishedResource.agentGroup_GetCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/{onPremisesAgentGroup-id}/publishedResources/{publishedResource-id}/agentGroups/$ref": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agentGroup.publishedResource_ListAgentGroupGraphBPreRef"];
        put?: never;
        post: operations["onPremisesPublishingProfile.agentGroup.publishedResource_CreateAgentGroupGraphBPreRef"];
        delete: operations["onPremisesPublishingProfile.agentGroup.publishedResource_DeleteAgentGroupGraphBPreRef"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agentGroups/{onPremisesAgentGroup-id}/publishedResources/{publishedResource-id}/agentGroups/{onPremisesAgentGroup-id1}/$ref": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["onPremisesPublishingProfile.agentGroup.publishedResource.agentGroup_DeleteOnPremisesAgentGroupGraphBPreRef"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile_ListAgent"];
        put?: never;
        post: operations["onPremisesPublishingProfile_CreateAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agents/$count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agent_GetCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agents/{onPremisesAgent-id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile_GetAgent"];
        put?: never;
        post?: never;
        delete: operations["onPremisesPublishingProfile_DeleteAgent"];
        options?: never;
        head?: never;
        patch: operations["onPremisesPublishingProfile_UpdateAgent"];
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agents/{onPremisesAgent-id}/agentGroups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agent_ListAgentGroup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agents/{onPremisesAgent-id}/agentGroups/$count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agent.agentGroup_GetCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agents/{onPremisesAgent-id}/agentGroups/$ref": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.agent_ListAgentGroupGraphBPreRef"];
        put?: never;
        post: operations["onPremisesPublishingProfile.agent_CreateAgentGroupGraphBPreRef"];
        delete: operations["onPremisesPublishingProfile.agent_DeleteAgentGroupGraphBPreRef"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/agents/{onPremisesAgent-id}/agentGroups/{onPremisesAgentGroup-id}/$ref": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["onPremisesPublishingProfile.agent.agentGroup_DeleteOnPremisesAgentGroupGraphBPreRef"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/applicationSegments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile_ListApplicationSegment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/applicationSegments/$count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.applicationSegment_GetCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/applicationSegments/{ipApplicationSegment-id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile_GetApplicationSegment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile_ListConnectorGroup"];
        put?: never;
        post: operations["onPremisesPublishingProfile_CreateConnectorGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups/$count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.connectorGroup_GetCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups/{connectorGroup-id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile_GetConnectorGroup"];
        put?: never;
        post?: never;
        delete: operations["onPremisesPublishingProfile_DeleteConnectorGroup"];
        options?: never;
        head?: never;
        patch: operations["onPremisesPublishingProfile_UpdateConnectorGroup"];
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups/{connectorGroup-id}/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.connectorGroup_ListApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups/{connectorGroup-id}/applications/$count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.connectorGroup.application_GetCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups/{connectorGroup-id}/applications/{application-id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.connectorGroup_GetApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups/{connectorGroup-id}/applications/{application-id}/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.connectorGroup_GetApplicationsLogo"];
        put: operations["onPremisesPublishingProfile.connectorGroup_SetApplicationsLogo"];
        post?: never;
        delete: operations["onPremisesPublishingProfile.connectorGroup_DeleteApplicationsLogo"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups/{connectorGroup-id}/applications(appId='{appId}')": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.connectorGroup.application_GetGraphBPreAppId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups/{connectorGroup-id}/applications(uniqueName='{uniqueName}')": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.connectorGroup.application_GetGraphBPreUniqueName"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups/{connectorGroup-id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.connectorGroup_ListMember"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups/{connectorGroup-id}/members/$count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.connectorGroup.member_GetCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups/{connectorGroup-id}/members/$ref": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.connectorGroup_ListMemberGraphBPreRef"];
        put?: never;
        post: operations["onPremisesPublishingProfile.connectorGroup_CreateMemberGraphBPreRef"];
        delete: operations["onPremisesPublishingProfile.connectorGroup_DeleteMemberGraphBPreRef"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups/{connectorGroup-id}/members/{connector-id}/$ref": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["onPremisesPublishingProfile.connectorGroup.member_DeleteConnectorGraphBPreRef"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile_ListConnector"];
        put?: never;
        post: operations["onPremisesPublishingProfile_CreateConnector"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectors/$count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.connector_GetCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectors/{connector-id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile_GetConnector"];
        put?: never;
        post?: never;
        delete: operations["onPremisesPublishingProfile_DeleteConnector"];
        options?: never;
        head?: never;
        patch: operations["onPremisesPublishingProfile_UpdateConnector"];
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectors/{connector-id}/memberOf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.connector_ListMemberGraphOPre"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectors/{connector-id}/memberOf/$count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.connector.memberOf_GetCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectors/{connector-id}/memberOf/$ref": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.connector_ListMemberGraphOPreGraphBPreRef"];
        put?: never;
        post: operations["onPremisesPublishingProfile.connector_CreateMemberGraphOPreGraphBPreRef"];
        delete: operations["onPremisesPublishingProfile.connector_DeleteMemberGraphOPreGraphBPreRef"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectors/{connector-id}/memberOf/{connectorGroup-id}/$ref": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["onPremisesPublishingProfile.connector.memberGraphOPre_DeleteConnectorGroupGraphBPreRef"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/publishedResources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile_ListPublishedResource"];
        put?: never;
        post: operations["onPremisesPublishingProfile_CreatePublishedResource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/publishedResources/$count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.publishedResource_GetCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/publishedResources/{publishedResource-id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile_GetPublishedResource"];
        put?: never;
        post?: never;
        delete: operations["onPremisesPublishingProfile_DeletePublishedResource"];
        options?: never;
        head?: never;
        patch: operations["onPremisesPublishingProfile_UpdatePublishedResource"];
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/publishedResources/{publishedResource-id}/agentGroups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.publishedResource_ListAgentGroup"];
        put?: never;
        post: operations["onPremisesPublishingProfile.publishedResource_CreateAgentGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/publishedResources/{publishedResource-id}/agentGroups/$count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.publishedResource.agentGroup_GetCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/publishedResources/{publishedResource-id}/agentGroups/$ref": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["onPremisesPublishingProfile.publishedResource_ListAgentGroupGraphBPreRef"];
        put?: never;
        post: operations["onPremisesPublishingProfile.publishedResource_CreateAgentGroupGraphBPreRef"];
        delete: operations["onPremisesPublishingProfile.publishedResource_DeleteAgentGroupGraphBPreRef"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/publishedResources/{publishedResource-id}/agentGroups/{onPremisesAgentGroup-id}/$ref": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["onPremisesPublishingProfile.publishedResource.agentGroup_DeleteOnPremisesAgentGroupGraphBPreRef"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @example {
         *       "id": "7e1f0e8a-3c4b-4d5e-9f60-718293a4b5c6",
         *       "appId": "5eed0000-47ac-4614-8e37-e09f38e28ca7",
         *       "displayName": "Contoso Intranet",
         *       "onPremisesPublishing": {
         *         "externalUrl": "https://intranet-contoso.msappproxy.net/",
         *         "internalUrl": "http://intranet.contoso.local/",
         *         "externalAuthenticationType": "aadPreAuthentication",
         *         "isTranslateHostHeaderEnabled": true,
         *         "isTranslateLinksInBodyEnabled": false,
         *         "isOnPremPublishingEnabled": true,
         *         "applicationServerTimeout": "Default",
         *         "applicationType": "nonwebapp",
         *         "isHttpOnlyCookieEnabled": true,
         *         "isSecureCookieEnabled": true,
         *         "isPersistentCookieEnabled": false
         *       }
         *     }
         */
        "microsoft.graph.application": components["schemas"]["microsoft.graph.directoryObject"] & ({
            api?: components["schemas"]["microsoft.graph.apiApplication"];
            appId?: string | null;
            appRoles?: components["schemas"]["microsoft.graph.appRole"][];
            authenticationBehaviors?: components["schemas"]["microsoft.graph.authenticationBehaviors"];
            certification?: components["schemas"]["microsoft.graph.certification"];
            /** Format: date-time */
            createdDateTime?: string | null;
            defaultRedirectUri?: string | null;
            description?: string | null;
            disabledByMicrosoftStatus?: string | null;
            displayName?: string | null;
            groupMembershipClaims?: string | null;
            identifierUris?: string[];
            info?: components["schemas"]["microsoft.graph.informationalUrl"];
            isDeviceOnlyAuthSupported?: boolean | null;
            isFallbackPublicClient?: boolean | null;
            keyCredentials?: components["schemas"]["microsoft.graph.keyCredential"][];
            /** Format: base64url */
            logo?: string;
            nativeAuthenticationApisEnabled?: components["schemas"]["microsoft.graph.nativeAuthenticationApisEnabled"];
            notes?: string | null;
            onPremisesPublishing?: components["schemas"]["microsoft.graph.onPremisesPublishing"];
            optionalClaims?: components["schemas"]["microsoft.graph.optionalClaims"];
            parentalControlSettings?: components["schemas"]["microsoft.graph.parentalControlSettings"];
            passwordCredentials?: components["schemas"]["microsoft.graph.passwordCredential"][];
            publicClient?: components["schemas"]["microsoft.graph.publicClientApplication"];
            publisherDomain?: string | null;
            requestSignatureVerification?: components["schemas"]["microsoft.graph.requestSignatureVerification"];
            requiredResourceAccess?: components["schemas"]["microsoft.graph.requiredResourceAccess"][];
            samlMetadataUrl?: string | null;
            serviceManagementReference?: string | null;
            servicePrincipalLockConfiguration?: components["schemas"]["microsoft.graph.servicePrincipalLockConfiguration"];
            signInAudience?: string | null;
            spa?: components["schemas"]["microsoft.graph.spaApplication"];
            tags?: string[];
            /** Format: uuid */
            tokenEncryptionKeyId?: string | null;
            uniqueName?: string | null;
            verifiedPublisher?: components["schemas"]["microsoft.graph.verifiedPublisher"];
            web?: components["schemas"]["microsoft.graph.webApplication"];
            windows?: components["schemas"]["microsoft.graph.windowsApplication"];
            appManagementPolicies?: components["schemas"]["microsoft.graph.appManagementPolicy"][];
            connectorGroup?: components["schemas"]["microsoft.graph.connectorGroup"];
            createdOnBehalfOf?: components["schemas"]["microsoft.graph.directoryObject"];
            extensionProperties?: components["schemas"]["microsoft.graph.extensionProperty"][];
            federatedIdentityCredentials?: components["schemas"]["microsoft.graph.federatedIdentityCredential"][];
            homeRealmDiscoveryPolicies?: components["schemas"]["microsoft.graph.homeRealmDiscoveryPolicy"][];
            owners?: components["schemas"]["microsoft.graph.directoryObject"][];
            synchronization?: components["schemas"]["microsoft.graph.synchronization"];
            tokenIssuancePolicies?: components["schemas"]["microsoft.graph.tokenIssuancePolicy"][];
            tokenLifetimePolicies?: components["schemas"]["microsoft.graph.tokenLifetimePolicy"][];
        } & {
            [key: string]: unknown;
        });
        /**
         * @example {
         *       "id": "3e6f4c35-a04b-4d03-b98a-66fff89b72e6",
         *       "name": "Connector Group Demo",
         *       "connectorGroupType": "applicationProxy",
         *       "isDefault": false,
         *       "region": "nam"
         *     }
         */
        "microsoft.graph.connectorGroup": components["schemas"]["microsoft.graph.entity"] & ({
            connectorGroupType?: components["schemas"]["microsoft.graph.connectorGroupType"];
            isDefault?: boolean;
            name?: string;
            region?: components["schemas"]["microsoft.graph.connectorGroupRegion"];
            applications?: components["schemas"]["microsoft.graph.application"][];
            members?: components["schemas"]["microsoft.graph.connector"][];
        } & {
            [key: string]: unknown;
        });
        "microsoft.graph.directoryObject": components["schemas"]["microsoft.graph.entity"] & ({
            /** Format: date-time */
            deletedDateTime?: string | null;
        } & {
            [key: string]: unknown;
        });
        "microsoft.graph.extensionProperty": components["schemas"]["microsoft.graph.directoryObject"] & ({
            appDisplayName?: string | null;
            dataType?: string;
            isMultiValued?: boolean;
            isSyncedFromOnPremises?: boolean | null;
            name?: string;
            targetObjects?: string[];
        } & {
            [key: string]: unknown;
        });
        "microsoft.graph.federatedIdentityCredential": components["schemas"]["microsoft.graph.entity"] & ({
            audiences?: string[];
            description?: string | null;
            issuer?: string;
            name?: string;
            subject?: string | null;
        } & {
            [key: string]: unknown;
        });
        "microsoft.graph.homeRealmDiscoveryPolicy": components["schemas"]["microsoft.graph.stsPolicy"] & {
            [key: string]: unknown;
        };
        /** keyCredential */
        "microsoft.graph.keyCredential": {
            /** Format: base64url */
            customKeyIdentifier?: string | null;
            displayName?: string | null;
            /** Format: date-time */
            endDateTime?: string | null;
            /** Format: base64url */
            key?: string | null;
            /** Format: uuid */
            keyId?: string | null;
            /** Format: date-time */
            startDateTime?: string | null;
            type?: string | null;
            usage?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** passwordCredential */
        "microsoft.graph.passwordCredential": {
            /** Format: base64url */
            customKeyIdentifier?: string | null;
            displayName?: string | null;
            /** Format: date-time */
            endDateTime?: string | null;
            hint?: string | null;
            /** Format: uuid */
            keyId?: string | null;
            secretText?: string | null;
            /** Format: date-time */
            startDateTime?: string | null;
        } & {
            [key: string]: unknown;
        };
        "microsoft.graph.synchronization": components["schemas"]["microsoft.graph.entity"] & ({
            secrets?: components["schemas"]["microsoft.graph.synchronizationSecretKeyStringValuePair"][];
            jobs?: components["schemas"]["microsoft.graph.synchronizationJob"][];
            templates?: components["schemas"]["microsoft.graph.synchronizationTemplate"][];
        } & {
            [key: string]: unknown;
        });
        "microsoft.graph.synchronizationJob": components["schemas"]["microsoft.graph.entity"] & ({
            schedule?: components["schemas"]["microsoft.graph.synchronizationSchedule"];
            status?: components["schemas"]["microsoft.graph.synchronizationStatus"];
            synchronizationJobSettings?: components["schemas"]["microsoft.graph.keyValuePair"][];
            templateId?: string | null;
            bulkUpload?: components["schemas"]["microsoft.graph.bulkUpload"];
            schema?: components["schemas"]["microsoft.graph.synchronizationSchema"];
        } & {
            [key: string]: unknown;
        });
        "microsoft.graph.bulkUpload": components["schemas"]["microsoft.graph.entity"] & {
            [key: string]: unknown;
        };
        /** stringKeyStringValuePair */
        "microsoft.graph.stringKeyStringValuePair": {
            key?: string | null;
            value?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** synchronizationSecretKeyStringValuePair */
        "microsoft.graph.synchronizationSecretKeyStringValuePair": {
            key?: components["schemas"]["microsoft.graph.synchronizationSecret"];
            value?: string | null;
        } & {
            [key: string]: unknown;
        };
        "microsoft.graph.synchronizationSchema": components["schemas"]["microsoft.graph.entity"] & ({
            synchronizationRules?: components["schemas"]["microsoft.graph.synchronizationRule"][];
            version?: string | null;
            directories?: components["schemas"]["microsoft.graph.directoryDefinition"][];
        } & {
            [key: string]: unknown;
        });
        "microsoft.graph.directoryDefinition": components["schemas"]["microsoft.graph.entity"] & ({
            discoverabilities?: components["schemas"]["microsoft.graph.directoryDefinitionDiscoverabilities"];
            /** Format: date-time */
            discoveryDateTime?: string | null;
            name?: string | null;
            objects?: components["schemas"]["microsoft.graph.objectDefinition"][];
            readOnly?: boolean;
            version?: string | null;
        } & {
            [key: string]: unknown;
        });
        /** attributeDefinition */
        "microsoft.graph.attributeDefinition": {
            anchor?: boolean;
            apiExpressions?: components["schemas"]["microsoft.graph.stringKeyStringValuePair"][];
            caseExact?: boolean;
            defaultValue?: string | null;
            flowNullValues?: boolean;
            metadata?: components["schemas"]["microsoft.graph.attributeDefinitionMetadataEntry"][];
            multivalued?: boolean;
            mutability?: components["schemas"]["microsoft.graph.mutability"];
            name?: string | null;
            referencedObjects?: components["schemas"]["microsoft.graph.referencedObject"][];
            required?: boolean;
            type?: components["schemas"]["microsoft.graph.attributeType"];
        } & {
            [key: string]: unknown;
        };
        "microsoft.graph.synchronizationTemplate": components["schemas"]["microsoft.graph.entity"] & ({
            /** Format: uuid */
            applicationId?: string;
            default?: boolean;
            description?: string | null;
            discoverable?: boolean;
            factoryTag?: string | null;
            metadata?: components["schemas"]["microsoft.graph.synchronizationMetadataEntry"][];
            schema?: components["schemas"]["microsoft.graph.synchronizationSchema"];
        } & {
            [key: string]: unknown;
        });
        /**
         * @example {
         *       "id": "applicationProxy",
         *       "isEnabled": true,
         *       "isDefaultAccessEnabled": true
         *     }
         */
        "microsoft.graph.onPremisesPublishingProfile": components["schemas"]["microsoft.graph.entity"] & ({
            hybridAgentUpdaterConfiguration?: components["schemas"]["microsoft.graph.hybridAgentUpdaterConfiguration"];
            isDefaultAccessEnabled?: boolean | null;
            isEnabled?: boolean | null;
            agentGroups?: components["schemas"]["microsoft.graph.onPremisesAgentGroup"][];
            agents?: components["schemas"]["microsoft.graph.onPremisesAgent"][];
            applicationSegments?: components["schemas"]["microsoft.graph.ipApplicationSegment"][];
            connectorGroups?: components["schemas"]["microsoft.graph.connectorGroup"][];
            connectors?: components["schemas"]["microsoft.graph.connector"][];
            publishedResources?: components["schemas"]["microsoft.graph.publishedResource"][];
        } & {
            [key: string]: unknown;
        });
        /**
         * @example {
         *       "id": "2d55ed41-1619-4848-92bb-0576d3038682",
         *       "displayName": "Group 1",
         *       "publishingType": "applicationProxy",
         *       "isDefault": false
         *     }
         */
        "microsoft.graph.onPremisesAgentGroup": components["schemas"]["microsoft.graph.entity"] & ({
            displayName?: string;
            isDefault?: boolean;
            publishingType?: components["schemas"]["microsoft.graph.onPremisesPublishingType"];
            agents?: components["schemas"]["microsoft.graph.onPremisesAgent"][];
            publishedResources?: components["schemas"]["microsoft.graph.publishedResource"][];
        } & {
            [key: string]: unknown;
        });
        /**
         * @example {
         *       "id": "1234b780-965f-4149-85c5-a8c73e58b67d",
         *       "status": "active",
         *       "machineName": "server1.local1.contoso.com",
         *       "externalIp": "203.0.113.22",
         *       "supportedPublishingTypes": [
         *         "applicationProxy"
         *       ]
         *     }
         */
        "microsoft.graph.onPremisesAgent": components["schemas"]["microsoft.graph.entity"] & ({
            externalIp?: string;
            machineName?: string;
            status?: components["schemas"]["microsoft.graph.agentStatus"];
            supportedPublishingTypes?: components["schemas"]["microsoft.graph.onPremisesPublishingType"][];
            agentGroups?: components["schemas"]["microsoft.graph.onPremisesAgentGroup"][];
        } & {
            [key: string]: unknown;
        });
        /**
         * @example {
         *       "id": "aed0b780-965f-4149-85c5-a8c73e58b67d",
         *       "displayName": "Demo provisioning",
         *       "publishingType": "applicationProxy",
         *       "resourceName": "domain1.contoso.com"
         *     }
         */
        "microsoft.graph.publishedResource": components["schemas"]["microsoft.graph.entity"] & ({
            displayName?: string | null;
            publishingType?: components["schemas"]["microsoft.graph.onPremisesPublishingType"];
            resourceName?: string | null;
            agentGroups?: components["schemas"]["microsoft.graph.onPremisesAgentGroup"][];
        } & {
            [key: string]: unknown;
        });
        /**
         * @example {
         *       "id": "df8cb1a6-4bbf-4e2a-8f85-fe2fc6a1ab80",
         *       "destinationHost": "test-check-ch.contoso.com",
         *       "destinationType": "fqdn",
         *       "port": 0,
         *       "ports": [
         *         "20-20"
         *       ],
         *       "protocol": "tcp"
         *     }
         */
        "microsoft.graph.ipApplicationSegment": components["schemas"]["microsoft.graph.applicationSegment"] & ({
            destinationHost?: string | null;
            destinationType?: components["schemas"]["microsoft.graph.privateNetworkDestinationType"];
            /** Format: int32 */
            port?: number | null;
            ports?: (string | null)[];
            protocol?: components["schemas"]["microsoft.graph.privateNetworkProtocol"];
            application?: components["schemas"]["microsoft.graph.application"];
        } & {
            [key: string]: unknown;
        });
        /**
         * @example {
         *       "id": "9c8b7a65-4321-4fed-8cba-0987654321fe",
         *       "machineName": "connector-01.contoso.local",
         *       "externalIp": "203.0.113.10",
         *       "status": "active"
         *     }
         */
        "microsoft.graph.connector": components["schemas"]["microsoft.graph.entity"] & ({
            externalIp?: string;
            machineName?: string;
            status?: components["schemas"]["microsoft.graph.connectorStatus"];
            version?: string;
            memberOf?: components["schemas"]["microsoft.graph.connectorGroup"][];
        } & {
            [key: string]: unknown;
        });
        "microsoft.graph.appManagementPolicy": components["schemas"]["microsoft.graph.policyBase"] & ({
            isEnabled?: boolean;
            restrictions?: components["schemas"]["microsoft.graph.customAppManagementConfiguration"];
            appliesTo?: components["schemas"]["microsoft.graph.directoryObject"][];
        } & {
            [key: string]: unknown;
        });
        "microsoft.graph.tokenIssuancePolicy": components["schemas"]["microsoft.graph.stsPolicy"] & {
            [key: string]: unknown;
        };
        "microsoft.graph.tokenLifetimePolicy": components["schemas"]["microsoft.graph.stsPolicy"] & {
            [key: string]: unknown;
        };
        /** apiApplication */
        "microsoft.graph.apiApplication": {
            acceptMappedClaims?: boolean | null;
            knownClientApplications?: (string | null)[];
            oauth2PermissionScopes?: components["schemas"]["microsoft.graph.permissionScope"][];
            preAuthorizedApplications?: components["schemas"]["microsoft.graph.preAuthorizedApplication"][];
            /** Format: int32 */
            requestedAccessTokenVersion?: number | null;
        } & {
            [key: string]: unknown;
        };
        /** appRole */
        "microsoft.graph.appRole": {
            allowedMemberTypes?: string[];
            description?: string | null;
            displayName?: string | null;
            /** Format: uuid */
            id?: string;
            isEnabled?: boolean;
            origin?: string | null;
            value?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** authenticationBehaviors */
        "microsoft.graph.authenticationBehaviors": {
            blockAzureADGraphAccess?: boolean | null;
            removeUnverifiedEmailClaim?: boolean | null;
            requireClientServicePrincipal?: boolean | null;
        } & {
            [key: string]: unknown;
        };
        /** certification */
        "microsoft.graph.certification": {
            readonly certificationDetailsUrl?: string | null;
            /** Format: date-time */
            certificationExpirationDateTime?: string | null;
            readonly isCertifiedByMicrosoft?: boolean | null;
            isPublisherAttested?: boolean | null;
            /** Format: date-time */
            lastCertificationDateTime?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** informationalUrl */
        "microsoft.graph.informationalUrl": {
            logoUrl?: string | null;
            marketingUrl?: string | null;
            privacyStatementUrl?: string | null;
            supportUrl?: string | null;
            termsOfServiceUrl?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * nativeAuthenticationApisEnabled
         * @enum {string}
         */
        "microsoft.graph.nativeAuthenticationApisEnabled": "none" | "all" | "unknownFutureValue";
        /** onPremisesPublishing */
        "microsoft.graph.onPremisesPublishing": {
            alternateUrl?: string | null;
            applicationServerTimeout?: string | null;
            applicationType?: string | null;
            externalAuthenticationType?: components["schemas"]["microsoft.graph.externalAuthenticationType"];
            externalUrl?: string | null;
            internalUrl?: string | null;
            isAccessibleViaZTNAClient?: boolean | null;
            isBackendCertificateValidationEnabled?: boolean | null;
            isDnsResolutionEnabled?: boolean | null;
            isHttpOnlyCookieEnabled?: boolean | null;
            isOnPremPublishingEnabled?: boolean | null;
            isPersistentCookieEnabled?: boolean | null;
            isSecureCookieEnabled?: boolean | null;
            isStateSessionEnabled?: boolean | null;
            isTranslateHostHeaderEnabled?: boolean | null;
            isTranslateLinksInBodyEnabled?: boolean | null;
            onPremisesApplicationSegments?: components["schemas"]["microsoft.graph.onPremisesApplicationSegment"][];
            segmentsConfiguration?: components["schemas"]["microsoft.graph.segmentConfiguration"];
            singleSignOnSettings?: components["schemas"]["microsoft.graph.onPremisesPublishingSingleSignOn"];
            useAlternateUrlForTranslationAndRedirect?: boolean | null;
            verifiedCustomDomainCertificatesMetadata?: components["schemas"]["microsoft.graph.verifiedCustomDomainCertificatesMetadata"];
            verifiedCustomDomainKeyCredential?: components["schemas"]["microsoft.graph.keyCredential"];
            verifiedCustomDomainPasswordCredential?: components["schemas"]["microsoft.graph.passwordCredential"];
        } & {
            [key: string]: unknown;
        };
        /** optionalClaims */
        "microsoft.graph.optionalClaims": {
            accessToken?: components["schemas"]["microsoft.graph.optionalClaim"][];
            idToken?: components["schemas"]["microsoft.graph.optionalClaim"][];
            saml2Token?: components["schemas"]["microsoft.graph.optionalClaim"][];
        } & {
            [key: string]: unknown;
        };
        /** parentalControlSettings */
        "microsoft.graph.parentalControlSettings": {
            countriesBlockedForMinors?: (string | null)[];
            legalAgeGroupRule?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** publicClientApplication */
        "microsoft.graph.publicClientApplication": {
            redirectUris?: string[];
        } & {
            [key: string]: unknown;
        };
        /** requestSignatureVerification */
        "microsoft.graph.requestSignatureVerification": {
            allowedWeakAlgorithms?: components["schemas"]["microsoft.graph.weakAlgorithms"];
            isSignedRequestRequired?: boolean;
        } & {
            [key: string]: unknown;
        };
        /** requiredResourceAccess */
        "microsoft.graph.requiredResourceAccess": {
            resourceAccess?: components["schemas"]["microsoft.graph.resourceAccess"][];
            resourceAppId?: string;
        } & {
            [key: string]: unknown;
        };
        /** servicePrincipalLockConfiguration */
        "microsoft.graph.servicePrincipalLockConfiguration": {
            allProperties?: boolean | null;
            credentialsWithUsageSign?: boolean | null;
            credentialsWithUsageVerify?: boolean | null;
            isEnabled?: boolean;
            tokenEncryptionKeyId?: boolean | null;
        } & {
            [key: string]: unknown;
        };
        /** spaApplication */
        "microsoft.graph.spaApplication": {
            redirectUris?: string[];
        } & {
            [key: string]: unknown;
        };
        /** verifiedPublisher */
        "microsoft.graph.verifiedPublisher": {
            /** Format: date-time */
            addedDateTime?: string | null;
            displayName?: string | null;
            verifiedPublisherId?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** webApplication */
        "microsoft.graph.webApplication": {
            homePageUrl?: string | null;
            implicitGrantSettings?: components["schemas"]["microsoft.graph.implicitGrantSettings"];
            logoutUrl?: string | null;
            oauth2AllowImplicitFlow?: boolean | null;
            redirectUris?: string[];
            redirectUriSettings?: components["schemas"]["microsoft.graph.redirectUriSettings"][];
        } & {
            [key: string]: unknown;
        };
        /** windowsApplication */
        "microsoft.graph.windowsApplication": {
            packageSid?: string | null;
            redirectUris?: string[];
        } & {
            [key: string]: unknown;
        };
        /** entity */
        "microsoft.graph.entity": {
            id?: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * connectorGroupType
         * @enum {string}
         */
        "microsoft.graph.connectorGroupType": "applicationProxy";
        /**
         * connectorGroupRegion
         * @enum {string|null}
         */
        "microsoft.graph.connectorGroupRegion": "nam" | "eur" | "aus" | "asia" | "ind" | "unknownFutureValue" | null;
        "microsoft.graph.stsPolicy": components["schemas"]["microsoft.graph.policyBase"] & ({
            definition?: string[];
            isOrganizationDefault?: boolean | null;
            appliesTo?: components["schemas"]["microsoft.graph.directoryObject"][];
        } & {
            [key: string]: unknown;
        });
        /** permissionScope */
        "microsoft.graph.permissionScope": {
            adminConsentDescription?: string | null;
            adminConsentDisplayName?: string | null;
            /** Format: uuid */
            id?: string;
            isEnabled?: boolean;
            origin?: string | null;
            type?: string | null;
            userConsentDescription?: string | null;
            userConsentDisplayName?: string | null;
            value?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** synchronizationSchedule */
        "microsoft.graph.synchronizationSchedule": {
            /** Format: date-time */
            expiration?: string | null;
            /** Format: duration */
            interval?: string;
            state?: components["schemas"]["microsoft.graph.synchronizationScheduleState"];
        } & {
            [key: string]: unknown;
        };
        /** synchronizationStatus */
        "microsoft.graph.synchronizationStatus": {
            code?: components["schemas"]["microsoft.graph.synchronizationStatusCode"];
            /** Format: int64 */
            countSuccessiveCompleteFailures?: number;
            escrowsPruned?: boolean;
            lastExecution?: components["schemas"]["microsoft.graph.synchronizationTaskExecution"];
            lastSuccessfulExecution?: components["schemas"]["microsoft.graph.synchronizationTaskExecution"];
            lastSuccessfulExecutionWithExports?: components["schemas"]["microsoft.graph.synchronizationTaskExecution"];
            progress?: components["schemas"]["microsoft.graph.synchronizationProgress"][];
            quarantine?: components["schemas"]["microsoft.graph.synchronizationQuarantine"];
            /** Format: date-time */
            steadyStateFirstAchievedTime?: string;
            /** Format: date-time */
            steadyStateLastAchievedTime?: string;
            synchronizedEntryCountByType?: components["schemas"]["microsoft.graph.stringKeyLongValuePair"][];
            troubleshootingUrl?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** keyValuePair */
        "microsoft.graph.keyValuePair": {
            name?: string;
            value?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * synchronizationSecret
         * @enum {string}
         */
        "microsoft.graph.synchronizationSecret": "None" | "UserName" | "Password" | "SecretToken" | "AppKey" | "BaseAddress" | "ClientIdentifier" | "ClientSecret" | "SingleSignOnType" | "Sandbox" | "Url" | "Domain" | "ConsumerKey" | "ConsumerSecret" | "TokenKey" | "TokenExpiration" | "Oauth2AccessToken" | "Oauth2AccessTokenCreationTime" | "Oauth2RefreshToken" | "SyncAll" | "InstanceName" | "Oauth2ClientId" | "Oauth2ClientSecret" | "CompanyId" | "UpdateKeyOnSoftDelete" | "SynchronizationSchedule" | "SystemOfRecord" | "SandboxName" | "EnforceDomain" | "SyncNotificationSettings" | "SkipOutOfScopeDeletions" | "Oauth2AuthorizationCode" | "Oauth2RedirectUri" | "ApplicationTemplateIdentifier" | "Oauth2TokenExchangeUri" | "Oauth2AuthorizationUri" | "AuthenticationType" | "Server" | "PerformInboundEntitlementGrants" | "HardDeletesEnabled" | "SyncAgentCompatibilityKey" | "SyncAgentADContainer" | "ValidateDomain" | "TestReferences" | "ConnectionString";
        /** synchronizationRule */
        "microsoft.graph.synchronizationRule": {
            containerFilter?: components["schemas"]["microsoft.graph.containerFilter"];
            editable?: boolean;
            groupFilter?: components["schemas"]["microsoft.graph.groupFilter"];
            id?: string | null;
            metadata?: components["schemas"]["microsoft.graph.stringKeyStringValuePair"][];
            name?: string | null;
            objectMappings?: components["schemas"]["microsoft.graph.objectMapping"][];
            /** Format: int32 */
            priority?: number;
            sourceDirectoryName?: string | null;
            targetDirectoryName?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * directoryDefinitionDiscoverabilities
         * @enum {string}
         */
        "microsoft.graph.directoryDefinitionDiscoverabilities": "None" | "AttributeNames" | "AttributeDataTypes" | "AttributeReadOnly" | "ReferenceAttributes" | "UnknownFutureValue";
        /** objectDefinition */
        "microsoft.graph.objectDefinition": {
            attributes?: components["schemas"]["microsoft.graph.attributeDefinition"][];
            metadata?: components["schemas"]["microsoft.graph.objectDefinitionMetadataEntry"][];
            name?: string | null;
            supportedApis?: (string | null)[];
        } & {
            [key: string]: unknown;
        };
        /**
         * attributeType
         * @enum {string}
         */
        "microsoft.graph.attributeType": "String" | "Integer" | "Reference" | "Binary" | "Boolean" | "DateTime";
        /** attributeDefinitionMetadataEntry */
        "microsoft.graph.attributeDefinitionMetadataEntry": {
            key?: components["schemas"]["microsoft.graph.attributeDefinitionMetadata"];
            value?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * mutability
         * @enum {string}
         */
        "microsoft.graph.mutability": "ReadWrite" | "ReadOnly" | "Immutable" | "WriteOnly";
        /** referencedObject */
        "microsoft.graph.referencedObject": {
            referencedObjectName?: string | null;
            referencedProperty?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** attributeMappingSource */
        "microsoft.graph.attributeMappingSource": {
            expression?: string | null;
            name?: string | null;
            parameters?: components["schemas"]["microsoft.graph.stringKeyAttributeMappingSourceValuePair"][];
            type?: components["schemas"]["microsoft.graph.attributeMappingSourceType"];
        } & {
            [key: string]: unknown;
        };
        /** synchronizationMetadataEntry */
        "microsoft.graph.synchronizationMetadataEntry": {
            key?: components["schemas"]["microsoft.graph.synchronizationMetadata"];
            value?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** hybridAgentUpdaterConfiguration */
        "microsoft.graph.hybridAgentUpdaterConfiguration": {
            allowUpdateConfigurationOverride?: boolean;
            /** Format: date-time */
            deferUpdateDateTime?: string | null;
            updateWindow?: components["schemas"]["microsoft.graph.updateWindow"];
        } & {
            [key: string]: unknown;
        };
        /**
         * onPremisesPublishingType
         * @enum {string}
         */
        "microsoft.graph.onPremisesPublishingType": "applicationProxy" | "exchangeOnline" | "authentication" | "provisioning" | "intunePfx" | "oflineDomainJoin" | "unknownFutureValue";
        /**
         * agentStatus
         * @enum {string}
         */
        "microsoft.graph.agentStatus": "active" | "inactive";
        "microsoft.graph.applicationSegment": components["schemas"]["microsoft.graph.entity"] & {
            [key: string]: unknown;
        };
        /**
         * privateNetworkDestinationType
         * @enum {string}
         */
        "microsoft.graph.privateNetworkDestinationType": "ipAddress" | "ipRange" | "ipRangeCidr" | "fqdn" | "dnsSuffix" | "unknownFutureValue";
        /**
         * privateNetworkProtocol
         * @enum {string}
         */
        "microsoft.graph.privateNetworkProtocol": "tcp" | "udp" | "unknownFutureValue";
        /**
         * connectorStatus
         * @enum {string}
         */
        "microsoft.graph.connectorStatus": "active" | "inactive";
        "microsoft.graph.policyBase": components["schemas"]["microsoft.graph.directoryObject"] & ({
            description?: string;
            displayName?: string;
        } & {
            [key: string]: unknown;
        });
        "microsoft.graph.customAppManagementConfiguration": components["schemas"]["microsoft.graph.appManagementConfiguration"] & {
            [key: string]: unknown;
        };
        ReferenceCreate: {
            "@odata.id"?: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * Collection of application
         * @example {
         *       "value": [
         *         {
         *           "id": "7e1f0e8a-3c4b-4d5e-9f60-718293a4b5c6",
         *           "appId": "5eed0000-47ac-4614-8e37-e09f38e28ca7",
         *           "displayName": "Contoso Intranet",
         *           "onPremisesPublishing": {
         *             "externalUrl": "https://intranet-contoso.msappproxy.net/",
         *             "internalUrl": "http://intranet.contoso.local/",
         *             "externalAuthenticationType": "aadPreAuthentication",
         *             "isTranslateHostHeaderEnabled": true,
         *             "isTranslateLinksInBodyEnabled": false,
         *             "isOnPremPublishingEnabled": true,
         *             "applicationServerTimeout": "Default",
         *             "applicationType": "nonwebapp",
         *             "isHttpOnlyCookieEnabled": true,
         *             "isSecureCookieEnabled": true,
         *             "isPersistentCookieEnabled": false
         *           }
         *         }
         *       ]
         *     }
         */
        "microsoft.graph.applicationCollectionResponse": {
            value?: components["schemas"]["microsoft.graph.application"][];
            "@odata.nextLink"?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * @example {
         *       "error": {
         *         "code": "itemNotFound",
         *         "message": "The resource could not be found.",
         *         "innerError": {
         *           "requestId": "0f1e2d3c-4b5a-4697-8877-665544332211",
         *           "date": "2026-11-27T09:30:00Z"
         *         }
         *       }
         *     }
         */
        "microsoft.graph.ODataErrors.ODataError": {
            error: components["schemas"]["microsoft.graph.ODataErrors.MainError"];
        } & {
            [key: string]: unknown;
        };
        /** Format: int32 */
        ODataCountResponse: number;
        /**
         * Collection of string
         * @example {
         *       "value": [
         *         "https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectors/9c8b7a65-4321-4fed-8cba-0987654321fe"
         *       ]
         *     }
         */
        StringCollectionResponse: {
            value?: string[];
            "@odata.nextLink"?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * Collection of onPremisesAgentGroup
         * @example {
         *       "value": [
         *         {
         *           "id": "2d55ed41-1619-4848-92bb-0576d3038682",
         *           "displayName": "Group 1",
         *           "publishingType": "applicationProxy",
         *           "isDefault": false
         *         }
         *       ]
         *     }
         */
        "microsoft.graph.onPremisesAgentGroupCollectionResponse": {
            value?: components["schemas"]["microsoft.graph.onPremisesAgentGroup"][];
            "@odata.nextLink"?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * Collection of onPremisesAgent
         * @example {
         *       "value": [
         *         {
         *           "id": "1234b780-965f-4149-85c5-a8c73e58b67d",
         *           "status": "active",
         *           "machineName": "server1.local1.contoso.com",
         *           "externalIp": "203.0.113.22",
         *           "supportedPublishingTypes": [
         *             "applicationProxy"
         *           ]
         *         }
         *       ]
         *     }
         */
        "microsoft.graph.onPremisesAgentCollectionResponse": {
            value?: components["schemas"]["microsoft.graph.onPremisesAgent"][];
            "@odata.nextLink"?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * Collection of publishedResource
         * @example {
         *       "value": [
         *         {
         *           "id": "aed0b780-965f-4149-85c5-a8c73e58b67d",
         *           "displayName": "Demo provisioning",
         *           "publishingType": "applicationProxy",
         *           "resourceName": "domain1.contoso.com"
         *         }
         *       ]
         *     }
         */
        "microsoft.graph.publishedResourceCollectionResponse": {
            value?: components["schemas"]["microsoft.graph.publishedResource"][];
            "@odata.nextLink"?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * Collection of ipApplicationSegment
         * @example {
         *       "value": [
         *         {
         *           "id": "df8cb1a6-4bbf-4e2a-8f85-fe2fc6a1ab80",
         *           "destinationHost": "test-check-ch.contoso.com",
         *           "destinationType": "fqdn",
         *           "port": 0,
         *           "ports": [
         *             "20-20"
         *           ],
         *           "protocol": "tcp"
         *         }
         *       ]
         *     }
         */
        "microsoft.graph.ipApplicationSegmentCollectionResponse": {
            value?: components["schemas"]["microsoft.graph.ipApplicationSegment"][];
            "@odata.nextLink"?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * Collection of connectorGroup
         * @example {
         *       "value": [
         *         {
         *           "id": "1b0e2f5c-6a7d-4e8f-9a0b-c1d2e3f4a5b6",
         *           "name": "Default",
         *           "connectorGroupType": "applicationProxy",
         *           "isDefault": true,
         *           "region": "nam"
         *         }
         *       ]
         *     }
         */
        "microsoft.graph.connectorGroupCollectionResponse": {
            value?: components["schemas"]["microsoft.graph.connectorGroup"][];
            "@odata.nextLink"?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * Collection of connector
         * @example {
         *       "value": [
         *         {
         *           "id": "9c8b7a65-4321-4fed-8cba-0987654321fe",
         *           "machineName": "connector-01.contoso.local",
         *           "externalIp": "203.0.113.10",
         *           "status": "active"
         *         }
         *       ]
         *     }
         */
        "microsoft.graph.connectorCollectionResponse": {
            value?: components["schemas"]["microsoft.graph.connector"][];
            "@odata.nextLink"?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** preAuthorizedApplication */
        "microsoft.graph.preAuthorizedApplication": {
            appId?: string;
            permissionIds?: (string | null)[];
        } & {
            [key: string]: unknown;
        };
        /**
         * externalAuthenticationType
         * @enum {string}
         */
        "microsoft.graph.externalAuthenticationType": "passthru" | "aadPreAuthentication";
        /** onPremisesApplicationSegment */
        "microsoft.graph.onPremisesApplicationSegment": {
            alternateUrl?: string | null;
            corsConfigurations?: components["schemas"]["microsoft.graph.corsConfiguration"][];
            externalUrl?: string | null;
            internalUrl?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** segmentConfiguration */
        "microsoft.graph.segmentConfiguration": {
            [key: string]: unknown;
        };
        /** onPremisesPublishingSingleSignOn */
        "microsoft.graph.onPremisesPublishingSingleSignOn": {
            kerberosSignOnSettings?: components["schemas"]["microsoft.graph.kerberosSignOnSettings"];
            singleSignOnMode?: components["schemas"]["microsoft.graph.singleSignOnMode"];
        } & {
            [key: string]: unknown;
        };
        /** verifiedCustomDomainCertificatesMetadata */
        "microsoft.graph.verifiedCustomDomainCertificatesMetadata": {
            /** Format: date-time */
            expiryDate?: string | null;
            /** Format: date-time */
            issueDate?: string | null;
            issuerName?: string | null;
            subjectName?: string | null;
            thumbprint?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** optionalClaim */
        "microsoft.graph.optionalClaim": {
            additionalProperties?: (string | null)[];
            essential?: boolean;
            name?: string;
            source?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * weakAlgorithms
         * @enum {string}
         */
        "microsoft.graph.weakAlgorithms": "rsaSha1" | "unknownFutureValue";
        /** resourceAccess */
        "microsoft.graph.resourceAccess": {
            /** Format: uuid */
            id?: string;
            type?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** implicitGrantSettings */
        "microsoft.graph.implicitGrantSettings": {
            enableAccessTokenIssuance?: boolean | null;
            enableIdTokenIssuance?: boolean | null;
        } & {
            [key: string]: unknown;
        };
        /** redirectUriSettings */
        "microsoft.graph.redirectUriSettings": {
            /** Format: int32 */
            index?: number | null;
            uri?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * synchronizationScheduleState
         * @enum {string}
         */
        "microsoft.graph.synchronizationScheduleState": "Active" | "Disabled" | "Paused";
        /**
         * synchronizationStatusCode
         * @enum {string}
         */
        "microsoft.graph.synchronizationStatusCode": "NotConfigured" | "NotRun" | "Active" | "Paused" | "Quarantine";
        /** synchronizationTaskExecution */
        "microsoft.graph.synchronizationTaskExecution": {
            activityIdentifier?: string | null;
            /** Format: int64 */
            countEntitled?: number;
            /** Format: int64 */
            countEntitledForProvisioning?: number;
            /** Format: int64 */
            countEscrowed?: number;
            /** Format: int64 */
            countEscrowedRaw?: number;
            /** Format: int64 */
            countExported?: number;
            /** Format: int64 */
            countExports?: number;
            /** Format: int64 */
            countImported?: number;
            /** Format: int64 */
            countImportedDeltas?: number;
            /** Format: int64 */
            countImportedReferenceDeltas?: number;
            error?: components["schemas"]["microsoft.graph.synchronizationError"];
            state?: components["schemas"]["microsoft.graph.synchronizationTaskExecutionResult"];
            /** Format: date-time */
            timeBegan?: string;
            /** Format: date-time */
            timeEnded?: string;
        } & {
            [key: string]: unknown;
        };
        /** synchronizationProgress */
        "microsoft.graph.synchronizationProgress": {
            /** Format: int64 */
            completedUnits?: number;
            /** Format: date-time */
            progressObservationDateTime?: string;
            /** Format: int64 */
            totalUnits?: number;
            units?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** synchronizationQuarantine */
        "microsoft.graph.synchronizationQuarantine": {
            /** Format: date-time */
            currentBegan?: string;
            error?: components["schemas"]["microsoft.graph.synchronizationError"];
            /** Format: date-time */
            nextAttempt?: string;
            reason?: components["schemas"]["microsoft.graph.quarantineReason"];
            /** Format: date-time */
            seriesBegan?: string;
            /** Format: int64 */
            seriesCount?: number;
        } & {
            [key: string]: unknown;
        };
        /** stringKeyLongValuePair */
        "microsoft.graph.stringKeyLongValuePair": {
            key?: string | null;
            /** Format: int64 */
            value?: number;
        } & {
            [key: string]: unknown;
        };
        /** containerFilter */
        "microsoft.graph.containerFilter": {
            includedContainers?: (string | null)[];
        } & {
            [key: string]: unknown;
        };
        /** groupFilter */
        "microsoft.graph.groupFilter": {
            includedGroups?: (string | null)[];
        } & {
            [key: string]: unknown;
        };
        /** objectMapping */
        "microsoft.graph.objectMapping": {
            attributeMappings?: components["schemas"]["microsoft.graph.attributeMapping"][];
            enabled?: boolean;
            flowTypes?: components["schemas"]["microsoft.graph.objectFlowTypes"];
            metadata?: components["schemas"]["microsoft.graph.objectMappingMetadataEntry"][];
            name?: string | null;
            scope?: components["schemas"]["microsoft.graph.filter"];
            sourceObjectName?: string | null;
            targetObjectName?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** objectDefinitionMetadataEntry */
        "microsoft.graph.objectDefinitionMetadataEntry": {
            key?: components["schemas"]["microsoft.graph.objectDefinitionMetadata"];
            value?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * attributeDefinitionMetadata
         * @enum {string}
         */
        "microsoft.graph.attributeDefinitionMetadata": "BaseAttributeName" | "ComplexObjectDefinition" | "IsContainer" | "IsCustomerDefined" | "IsDomainQualified" | "LinkPropertyNames" | "LinkTypeName" | "MaximumLength" | "ReferencedProperty";
        /** stringKeyAttributeMappingSourceValuePair */
        "microsoft.graph.stringKeyAttributeMappingSourceValuePair": {
            key?: string | null;
            value?: components["schemas"]["microsoft.graph.attributeMappingSource"];
        } & {
            [key: string]: unknown;
        };
        /**
         * attributeMappingSourceType
         * @enum {string}
         */
        "microsoft.graph.attributeMappingSourceType": "Attribute" | "Constant" | "Function";
        /**
         * synchronizationMetadata
         * @enum {string}
         */
        "microsoft.graph.synchronizationMetadata": "galleryApplicationIdentifier" | "galleryApplicationKey" | "isOAuthEnabled" | "IsSynchronizationAgentAssignmentRequired" | "isSynchronizationAgentRequired" | "isSynchronizationInPreview" | "oAuthSettings" | "synchronizationLearnMoreIbizaFwLink" | "configurationFields";
        /** updateWindow */
        "microsoft.graph.updateWindow": {
            /** Format: time */
            updateWindowEndTime?: string | null;
            /** Format: time */
            updateWindowStartTime?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** appManagementConfiguration */
        "microsoft.graph.appManagementConfiguration": {
            keyCredentials?: components["schemas"]["microsoft.graph.keyCredentialConfiguration"][];
            passwordCredentials?: components["schemas"]["microsoft.graph.passwordCredentialConfiguration"][];
        } & {
            [key: string]: unknown;
        };
        "microsoft.graph.ODataErrors.MainError": {
            code: string;
            message: string;
            target?: string | null;
            details?: components["schemas"]["microsoft.graph.ODataErrors.ErrorDetails"][];
            innerError?: components["schemas"]["microsoft.graph.ODataErrors.InnerError"];
        } & {
            [key: string]: unknown;
        };
        /** corsConfiguration */
        "microsoft.graph.corsConfiguration": {
            allowedHeaders?: (string | null)[];
            allowedMethods?: (string | null)[];
            allowedOrigins?: (string | null)[];
            /** Format: int32 */
            maxAgeInSeconds?: number | null;
            resource?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** kerberosSignOnSettings */
        "microsoft.graph.kerberosSignOnSettings": {
            kerberosServicePrincipalName?: string | null;
            kerberosSignOnMappingAttributeType?: components["schemas"]["microsoft.graph.kerberosSignOnMappingAttributeType"];
        } & {
            [key: string]: unknown;
        };
        /**
         * singleSignOnMode
         * @enum {string}
         */
        "microsoft.graph.singleSignOnMode": "none" | "onPremisesKerberos" | "saml" | "pingHeaderBased" | "aadHeaderBased" | "oAuthToken" | "unknownFutureValue";
        /** synchronizationError */
        "microsoft.graph.synchronizationError": {
            code?: string | null;
            message?: string | null;
            tenantActionable?: boolean;
        } & {
            [key: string]: unknown;
        };
        /**
         * synchronizationTaskExecutionResult
         * @enum {string}
         */
        "microsoft.graph.synchronizationTaskExecutionResult": "Succeeded" | "Failed" | "EntryLevelErrors";
        /**
         * quarantineReason
         * @enum {string}
         */
        "microsoft.graph.quarantineReason": "EncounteredBaseEscrowThreshold" | "EncounteredTotalEscrowThreshold" | "EncounteredEscrowProportionThreshold" | "EncounteredQuarantineException" | "Unknown" | "QuarantinedOnDemand" | "TooManyDeletes" | "IngestionInterrupted";
        /** attributeMapping */
        "microsoft.graph.attributeMapping": {
            defaultValue?: string | null;
            exportMissingReferences?: boolean;
            flowBehavior?: components["schemas"]["microsoft.graph.attributeFlowBehavior"];
            flowType?: components["schemas"]["microsoft.graph.attributeFlowType"];
            /** Format: int32 */
            matchingPriority?: number;
            source?: components["schemas"]["microsoft.graph.attributeMappingSource"];
            targetAttributeName?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * objectFlowTypes
         * @enum {string}
         */
        "microsoft.graph.objectFlowTypes": "None" | "Add" | "Update" | "Delete";
        /** objectMappingMetadataEntry */
        "microsoft.graph.objectMappingMetadataEntry": {
            key?: components["schemas"]["microsoft.graph.objectMappingMetadata"];
            value?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** filter */
        "microsoft.graph.filter": {
            categoryFilterGroups?: components["schemas"]["microsoft.graph.filterGroup"][];
            groups?: components["schemas"]["microsoft.graph.filterGroup"][];
            inputFilterGroups?: components["schemas"]["microsoft.graph.filterGroup"][];
        } & {
            [key: string]: unknown;
        };
        /**
         * objectDefinitionMetadata
         * @enum {string}
         */
        "microsoft.graph.objectDefinitionMetadata": "PropertyNameAccountEnabled" | "PropertyNameSoftDeleted" | "IsSoftDeletionSupported" | "IsSynchronizeAllSupported" | "ConnectorDataStorageRequired" | "Extensions" | "BaseObjectName";
        /** keyCredentialConfiguration */
        "microsoft.graph.keyCredentialConfiguration": {
            certificateBasedApplicationConfigurationIds?: (string | null)[];
            /** Format: duration */
            maxLifetime?: string | null;
            /** Format: date-time */
            restrictForAppsCreatedAfterDateTime?: string | null;
            restrictionType?: components["schemas"]["microsoft.graph.appKeyCredentialRestrictionType"];
            state?: components["schemas"]["microsoft.graph.appManagementRestrictionState"];
        } & {
            [key: string]: unknown;
        };
        /** passwordCredentialConfiguration */
        "microsoft.graph.passwordCredentialConfiguration": {
            /** Format: duration */
            maxLifetime?: string | null;
            /** Format: date-time */
            restrictForAppsCreatedAfterDateTime?: string | null;
            restrictionType?: components["schemas"]["microsoft.graph.appCredentialRestrictionType"];
            state?: components["schemas"]["microsoft.graph.appManagementRestrictionState"];
        } & {
            [key: string]: unknown;
        };
        "microsoft.graph.ODataErrors.ErrorDetails": {
            code: string;
            message: string;
            target?: string | null;
        } & {
            [key: string]: unknown;
        };
        "microsoft.graph.ODataErrors.InnerError": {
            [key: string]: unknown;
        };
        /**
         * kerberosSignOnMappingAttributeType
         * @enum {string}
         */
        "microsoft.graph.kerberosSignOnMappingAttributeType": "userPrincipalName" | "onPremisesUserPrincipalName" | "userPrincipalUsername" | "onPremisesUserPrincipalUsername" | "onPremisesSAMAccountName";
        /**
         * attributeFlowBehavior
         * @enum {string}
         */
        "microsoft.graph.attributeFlowBehavior": "FlowWhenChanged" | "FlowAlways";
        /**
         * attributeFlowType
         * @enum {string}
         */
        "microsoft.graph.attributeFlowType": "Always" | "ObjectAddOnly" | "MultiValueAddOnly" | "ValueAddOnly" | "AttributeAddOnly";
        /**
         * objectMappingMetadata
         * @enum {string}
         */
        "microsoft.graph.objectMappingMetadata": "EscrowBehavior" | "DisableMonitoringForChanges" | "OriginalJoiningProperty" | "Disposition" | "IsCustomerDefined" | "ExcludeFromReporting" | "Unsynchronized";
        /** filterGroup */
        "microsoft.graph.filterGroup": {
            clauses?: components["schemas"]["microsoft.graph.filterClause"][];
            name?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * appKeyCredentialRestrictionType
         * @enum {string}
         */
        "microsoft.graph.appKeyCredentialRestrictionType": "asymmetricKeyLifetime" | "trustedCertificateAuthority" | "unknownFutureValue";
        /**
         * appManagementRestrictionState
         * @enum {string}
         */
        "microsoft.graph.appManagementRestrictionState": "enabled" | "disabled" | "unknownFutureValue";
        /**
         * appCredentialRestrictionType
         * @enum {string}
         */
        "microsoft.graph.appCredentialRestrictionType": "passwordAddition" | "passwordLifetime" | "symmetricKeyAddition" | "symmetricKeyLifetime" | "customPasswordAddition" | "unknownFutureValue";
        /** filterClause */
        "microsoft.graph.filterClause": {
            operatorName?: string | null;
            sourceOperandName?: string | null;
            targetOperand?: components["schemas"]["microsoft.graph.filterOperand"];
        } & {
            [key: string]: unknown;
        };
        /** filterOperand */
        "microsoft.graph.filterOperand": {
            values?: (string | null)[];
        } & {
            [key: string]: unknown;
        };
    };
    responses: {
        /** @description Retrieved collection */
        "microsoft.graph.applicationCollectionResponse": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["microsoft.graph.applicationCollectionResponse"];
            };
        };
        /** @description error */
        error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["microsoft.graph.ODataErrors.ODataError"];
            };
        };
        /** @description The count of the resource */
        ODataCountResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /** @example 1 */
                "text/plain": components["schemas"]["ODataCountResponse"];
            };
        };
        /** @description Retrieved collection */
        StringCollectionResponse: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["StringCollectionResponse"];
            };
        };
        /** @description Retrieved collection */
        "microsoft.graph.onPremisesAgentGroupCollectionResponse": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["microsoft.graph.onPremisesAgentGroupCollectionResponse"];
            };
        };
        /** @description Retrieved collection */
        "microsoft.graph.onPremisesAgentCollectionResponse": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["microsoft.graph.onPremisesAgentCollectionResponse"];
            };
        };
        /** @description Retrieved collection */
        "microsoft.graph.publishedResourceCollectionResponse": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["microsoft.graph.publishedResourceCollectionResponse"];
            };
        };
        /** @description Retrieved collection */
        "microsoft.graph.ipApplicationSegmentCollectionResponse": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["microsoft.graph.ipApplicationSegmentCollectionResponse"];
            };
        };
        /** @description Retrieved collection */
        "microsoft.graph.connectorGroupCollectionResponse": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["microsoft.graph.connectorGroupCollectionResponse"];
            };
        };
        /** @description Retrieved collection */
        "microsoft.graph.connectorCollectionResponse": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["microsoft.graph.connectorCollectionResponse"];
            };
        };
    };
    parameters: {
        /** @example 50 */
        top: number;
        skip: number;
        search: string;
        filter: string;
        count: boolean;
    };
    requestBodies: {
        refPostBody: {
            content: {
                "application/json": components["schemas"]["ReferenceCreate"];
            };
        };
    };
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    onPremisesPublishingProfile_GetOnPremisesPublishingProfile: {
        parameters: {
            query?: {
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retrieved entity */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesPublishingProfile"];
                };
            };
            /** @description Retrieved entity */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesPublishingProfile"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_ListAgentGroup: {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["microsoft.graph.onPremisesAgentGroupCollectionResponse"];
            "2XX": components["responses"]["microsoft.graph.onPremisesAgentGroupCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_CreateAgentGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.onPremisesAgentGroup"];
            };
        };
        responses: {
            /** @description Created navigation property. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgentGroup"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup_GetCount": {
        parameters: {
            query?: {
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ODataCountResponse"];
            "2XX": components["responses"]["ODataCountResponse"];
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_GetAgentGroup: {
        parameters: {
            query?: {
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retrieved navigation property */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgentGroup"];
                };
            };
            /** @description Retrieved navigation property */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgentGroup"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_DeleteAgentGroup: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_UpdateAgentGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.onPremisesAgentGroup"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgentGroup"];
                };
            };
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup_ListAgent": {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["microsoft.graph.onPremisesAgentCollectionResponse"];
            "2XX": components["responses"]["microsoft.graph.onPremisesAgentCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup_CreateAgent": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.onPremisesAgent"];
            };
        };
        responses: {
            /** @description Created navigation property. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgent"];
                };
            };
            /** @description Created navigation property. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgent"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup.agent_GetCount": {
        parameters: {
            query?: {
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ODataCountResponse"];
            "2XX": components["responses"]["ODataCountResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup_GetAgent": {
        parameters: {
            query?: {
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retrieved navigation property */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgent"];
                };
            };
            /** @description Retrieved navigation property */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgent"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup_DeleteAgent": {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup_UpdateAgent": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.onPremisesAgent"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgent"];
                };
            };
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup.agent_ListAgentGroup": {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["microsoft.graph.onPremisesAgentGroupCollectionResponse"];
            "2XX": components["responses"]["microsoft.graph.onPremisesAgentGroupCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup.agent.agentGroup_GetCount": {
        parameters: {
            query?: {
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ODataCountResponse"];
            "2XX": components["responses"]["ODataCountResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup.agent_ListAgentGroupGraphBPreRef": {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StringCollectionResponse"];
            "2XX": components["responses"]["StringCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup.agent_CreateAgentGroupGraphBPreRef": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["refPostBody"];
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup.agent_DeleteAgentGroupGraphBPreRef": {
        parameters: {
            query: {
                "@id": string;
            };
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup.agent.agentGroup_DeleteOnPremisesAgentGroupGraphBPreRef": {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "onPremisesAgent-id": string;
                "onPremisesAgentGroup-id1": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup_ListPublishedResource": {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["microsoft.graph.publishedResourceCollectionResponse"];
            "2XX": components["responses"]["microsoft.graph.publishedResourceCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup_CreatePublishedResource": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.publishedResource"];
            };
        };
        responses: {
            /** @description Created navigation property. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.publishedResource"];
                };
            };
            /** @description Created navigation property. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.publishedResource"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup.publishedResource_GetCount": {
        parameters: {
            query?: {
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ODataCountResponse"];
            "2XX": components["responses"]["ODataCountResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup_GetPublishedResource": {
        parameters: {
            query?: {
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retrieved navigation property */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.publishedResource"];
                };
            };
            /** @description Retrieved navigation property */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.publishedResource"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup_DeletePublishedResource": {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup_UpdatePublishedResource": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.publishedResource"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.publishedResource"];
                };
            };
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup.publishedResource_ListAgentGroup": {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["microsoft.graph.onPremisesAgentGroupCollectionResponse"];
            "2XX": components["responses"]["microsoft.graph.onPremisesAgentGroupCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup.publishedResource_CreateAgentGroup": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.onPremisesAgentGroup"];
            };
        };
        responses: {
            /** @description Created navigation property. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgentGroup"];
                };
            };
            /** @description Created navigation property. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgentGroup"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup.publishedResource.agentGroup_GetCount": {
        parameters: {
            query?: {
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ODataCountResponse"];
            "2XX": components["responses"]["ODataCountResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup.publishedResource_ListAgentGroupGraphBPreRef": {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StringCollectionResponse"];
            "2XX": components["responses"]["StringCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup.publishedResource_CreateAgentGroupGraphBPreRef": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["refPostBody"];
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup.publishedResource_DeleteAgentGroupGraphBPreRef": {
        parameters: {
            query: {
                "@id": string;
            };
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agentGroup.publishedResource.agentGroup_DeleteOnPremisesAgentGroupGraphBPreRef": {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgentGroup-id": string;
                "publishedResource-id": string;
                "onPremisesAgentGroup-id1": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_ListAgent: {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["microsoft.graph.onPremisesAgentCollectionResponse"];
            "2XX": components["responses"]["microsoft.graph.onPremisesAgentCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_CreateAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.onPremisesAgent"];
            };
        };
        responses: {
            /** @description Created navigation property. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgent"];
                };
            };
            /** @description Created navigation property. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgent"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agent_GetCount": {
        parameters: {
            query?: {
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ODataCountResponse"];
            "2XX": components["responses"]["ODataCountResponse"];
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_GetAgent: {
        parameters: {
            query?: {
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retrieved navigation property */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgent"];
                };
            };
            /** @description Retrieved navigation property */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgent"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_DeleteAgent: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_UpdateAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.onPremisesAgent"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgent"];
                };
            };
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agent_ListAgentGroup": {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["microsoft.graph.onPremisesAgentGroupCollectionResponse"];
            "2XX": components["responses"]["microsoft.graph.onPremisesAgentGroupCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agent.agentGroup_GetCount": {
        parameters: {
            query?: {
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ODataCountResponse"];
            "2XX": components["responses"]["ODataCountResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agent_ListAgentGroupGraphBPreRef": {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StringCollectionResponse"];
            "2XX": components["responses"]["StringCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agent_CreateAgentGroupGraphBPreRef": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["refPostBody"];
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agent_DeleteAgentGroupGraphBPreRef": {
        parameters: {
            query: {
                "@id": string;
            };
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgent-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.agent.agentGroup_DeleteOnPremisesAgentGroupGraphBPreRef": {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "onPremisesAgent-id": string;
                "onPremisesAgentGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_ListApplicationSegment: {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["microsoft.graph.ipApplicationSegmentCollectionResponse"];
            "2XX": components["responses"]["microsoft.graph.ipApplicationSegmentCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.applicationSegment_GetCount": {
        parameters: {
            query?: {
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ODataCountResponse"];
            "2XX": components["responses"]["ODataCountResponse"];
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_GetApplicationSegment: {
        parameters: {
            query?: {
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "ipApplicationSegment-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retrieved navigation property */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.ipApplicationSegment"];
                };
            };
            /** @description Retrieved navigation property */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.ipApplicationSegment"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_ListConnectorGroup: {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["microsoft.graph.connectorGroupCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_CreateConnectorGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.connectorGroup"];
            };
        };
        responses: {
            /** @description Created navigation property. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.connectorGroup"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connectorGroup_GetCount": {
        parameters: {
            query?: {
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ODataCountResponse"];
            "2XX": components["responses"]["ODataCountResponse"];
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_GetConnectorGroup: {
        parameters: {
            query?: {
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retrieved navigation property */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.connectorGroup"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_DeleteConnectorGroup: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_UpdateConnectorGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.connectorGroup"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.connectorGroup"];
                };
            };
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connectorGroup_ListApplication": {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["microsoft.graph.applicationCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connectorGroup.application_GetCount": {
        parameters: {
            query?: {
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ODataCountResponse"];
            "2XX": components["responses"]["ODataCountResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connectorGroup_GetApplication": {
        parameters: {
            query?: {
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
                "application-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retrieved navigation property */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.application"];
                };
            };
            /** @description Retrieved navigation property */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.application"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connectorGroup_GetApplicationsLogo": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
                "application-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retrieved media content */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Retrieved media content */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connectorGroup_SetApplicationsLogo": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
                "application-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connectorGroup_DeleteApplicationsLogo": {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
                "application-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connectorGroup.application_GetGraphBPreAppId": {
        parameters: {
            query?: {
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
                appId: string | null;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retrieved navigation property */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.application"];
                };
            };
            /** @description Retrieved navigation property */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.application"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connectorGroup.application_GetGraphBPreUniqueName": {
        parameters: {
            query?: {
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
                uniqueName: string | null;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retrieved navigation property */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.application"];
                };
            };
            /** @description Retrieved navigation property */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.application"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connectorGroup_ListMember": {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["microsoft.graph.connectorCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connectorGroup.member_GetCount": {
        parameters: {
            query?: {
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ODataCountResponse"];
            "2XX": components["responses"]["ODataCountResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connectorGroup_ListMemberGraphBPreRef": {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StringCollectionResponse"];
            "2XX": components["responses"]["StringCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connectorGroup_CreateMemberGraphBPreRef": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["refPostBody"];
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connectorGroup_DeleteMemberGraphBPreRef": {
        parameters: {
            query: {
                "@id": string;
            };
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connectorGroup.member_DeleteConnectorGraphBPreRef": {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "connectorGroup-id": string;
                "connector-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_ListConnector: {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["microsoft.graph.connectorCollectionResponse"];
            "2XX": components["responses"]["microsoft.graph.connectorCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_CreateConnector: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.connector"];
            };
        };
        responses: {
            /** @description Created navigation property. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.connector"];
                };
            };
            /** @description Created navigation property. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.connector"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connector_GetCount": {
        parameters: {
            query?: {
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ODataCountResponse"];
            "2XX": components["responses"]["ODataCountResponse"];
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_GetConnector: {
        parameters: {
            query?: {
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connector-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retrieved navigation property */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.connector"];
                };
            };
            /** @description Retrieved navigation property */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.connector"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_DeleteConnector: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "connector-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_UpdateConnector: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connector-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.connector"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.connector"];
                };
            };
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connector_ListMemberGraphOPre": {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connector-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["microsoft.graph.connectorGroupCollectionResponse"];
            "2XX": components["responses"]["microsoft.graph.connectorGroupCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connector.memberOf_GetCount": {
        parameters: {
            query?: {
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connector-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ODataCountResponse"];
            "2XX": components["responses"]["ODataCountResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connector_ListMemberGraphOPreGraphBPreRef": {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connector-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StringCollectionResponse"];
            "2XX": components["responses"]["StringCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connector_CreateMemberGraphOPreGraphBPreRef": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "connector-id": string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["refPostBody"];
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connector_DeleteMemberGraphOPreGraphBPreRef": {
        parameters: {
            query: {
                "@id": string;
            };
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "connector-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.connector.memberGraphOPre_DeleteConnectorGroupGraphBPreRef": {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "connector-id": string;
                "connectorGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_ListPublishedResource: {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["microsoft.graph.publishedResourceCollectionResponse"];
            "2XX": components["responses"]["microsoft.graph.publishedResourceCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_CreatePublishedResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.publishedResource"];
            };
        };
        responses: {
            /** @description Created navigation property. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.publishedResource"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.publishedResource_GetCount": {
        parameters: {
            query?: {
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ODataCountResponse"];
            "2XX": components["responses"]["ODataCountResponse"];
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_GetPublishedResource: {
        parameters: {
            query?: {
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retrieved navigation property */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.publishedResource"];
                };
            };
            /** @description Retrieved navigation property */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.publishedResource"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_DeletePublishedResource: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    onPremisesPublishingProfile_UpdatePublishedResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.publishedResource"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.publishedResource"];
                };
            };
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.publishedResource_ListAgentGroup": {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
                $select?: string[];
                $expand?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["microsoft.graph.onPremisesAgentGroupCollectionResponse"];
            "2XX": components["responses"]["microsoft.graph.onPremisesAgentGroupCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.publishedResource_CreateAgentGroup": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["microsoft.graph.onPremisesAgentGroup"];
            };
        };
        responses: {
            /** @description Created navigation property. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgentGroup"];
                };
            };
            /** @description Created navigation property. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["microsoft.graph.onPremisesAgentGroup"];
                };
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.publishedResource.agentGroup_GetCount": {
        parameters: {
            query?: {
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ODataCountResponse"];
            "2XX": components["responses"]["ODataCountResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.publishedResource_ListAgentGroupGraphBPreRef": {
        parameters: {
            query?: {
                /** @example 50 */
                $top?: components["parameters"]["top"];
                $skip?: components["parameters"]["skip"];
                $search?: components["parameters"]["search"];
                $filter?: components["parameters"]["filter"];
                $count?: components["parameters"]["count"];
                $orderby?: string[];
            };
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StringCollectionResponse"];
            "2XX": components["responses"]["StringCollectionResponse"];
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.publishedResource_CreateAgentGroupGraphBPreRef": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "onPremisesPublishingProfile-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["refPostBody"];
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.publishedResource_DeleteAgentGroupGraphBPreRef": {
        parameters: {
            query: {
                "@id": string;
            };
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "publishedResource-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
    "onPremisesPublishingProfile.publishedResource.agentGroup_DeleteOnPremisesAgentGroupGraphBPreRef": {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                "onPremisesPublishingProfile-id": string;
                "publishedResource-id": string;
                "onPremisesAgentGroup-id": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Success */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["error"];
        };
    };
}
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const microsoftGraphNativeAuthenticationApisEnabledValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.nativeAuthenticationApisEnabled"]> = ["none", "all", "unknownFutureValue"];
export const microsoftGraphConnectorGroupTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.connectorGroupType"]> = ["applicationProxy"];
export const microsoftGraphConnectorGroupRegionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.connectorGroupRegion"]> = ["nam", "eur", "aus", "asia", "ind", "unknownFutureValue"];
export const microsoftGraphSynchronizationSecretValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.synchronizationSecret"]> = ["None", "UserName", "Password", "SecretToken", "AppKey", "BaseAddress", "ClientIdentifier", "ClientSecret", "SingleSignOnType", "Sandbox", "Url", "Domain", "ConsumerKey", "ConsumerSecret", "TokenKey", "TokenExpiration", "Oauth2AccessToken", "Oauth2AccessTokenCreationTime", "Oauth2RefreshToken", "SyncAll", "InstanceName", "Oauth2ClientId", "Oauth2ClientSecret", "CompanyId", "UpdateKeyOnSoftDelete", "SynchronizationSchedule", "SystemOfRecord", "SandboxName", "EnforceDomain", "SyncNotificationSettings", "SkipOutOfScopeDeletions", "Oauth2AuthorizationCode", "Oauth2RedirectUri", "ApplicationTemplateIdentifier", "Oauth2TokenExchangeUri", "Oauth2AuthorizationUri", "AuthenticationType", "Server", "PerformInboundEntitlementGrants", "HardDeletesEnabled", "SyncAgentCompatibilityKey", "SyncAgentADContainer", "ValidateDomain", "TestReferences", "ConnectionString"];
export const microsoftGraphDirectoryDefinitionDiscoverabilitiesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.directoryDefinitionDiscoverabilities"]> = ["None", "AttributeNames", "AttributeDataTypes", "AttributeReadOnly", "ReferenceAttributes", "UnknownFutureValue"];
export const microsoftGraphAttributeTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.attributeType"]> = ["String", "Integer", "Reference", "Binary", "Boolean", "DateTime"];
export const microsoftGraphMutabilityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.mutability"]> = ["ReadWrite", "ReadOnly", "Immutable", "WriteOnly"];
export const microsoftGraphOnPremisesPublishingTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.onPremisesPublishingType"]> = ["applicationProxy", "exchangeOnline", "authentication", "provisioning", "intunePfx", "oflineDomainJoin", "unknownFutureValue"];
export const microsoftGraphAgentStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.agentStatus"]> = ["active", "inactive"];
export const microsoftGraphPrivateNetworkDestinationTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.privateNetworkDestinationType"]> = ["ipAddress", "ipRange", "ipRangeCidr", "fqdn", "dnsSuffix", "unknownFutureValue"];
export const microsoftGraphPrivateNetworkProtocolValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.privateNetworkProtocol"]> = ["tcp", "udp", "unknownFutureValue"];
export const microsoftGraphConnectorStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.connectorStatus"]> = ["active", "inactive"];
export const microsoftGraphExternalAuthenticationTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.externalAuthenticationType"]> = ["passthru", "aadPreAuthentication"];
export const microsoftGraphWeakAlgorithmsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.weakAlgorithms"]> = ["rsaSha1", "unknownFutureValue"];
export const microsoftGraphSynchronizationScheduleStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.synchronizationScheduleState"]> = ["Active", "Disabled", "Paused"];
export const microsoftGraphSynchronizationStatusCodeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.synchronizationStatusCode"]> = ["NotConfigured", "NotRun", "Active", "Paused", "Quarantine"];
export const microsoftGraphAttributeDefinitionMetadataValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.attributeDefinitionMetadata"]> = ["BaseAttributeName", "ComplexObjectDefinition", "IsContainer", "IsCustomerDefined", "IsDomainQualified", "LinkPropertyNames", "LinkTypeName", "MaximumLength", "ReferencedProperty"];
export const microsoftGraphAttributeMappingSourceTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.attributeMappingSourceType"]> = ["Attribute", "Constant", "Function"];
export const microsoftGraphSynchronizationMetadataValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.synchronizationMetadata"]> = ["galleryApplicationIdentifier", "galleryApplicationKey", "isOAuthEnabled", "IsSynchronizationAgentAssignmentRequired", "isSynchronizationAgentRequired", "isSynchronizationInPreview", "oAuthSettings", "synchronizationLearnMoreIbizaFwLink", "configurationFields"];
export const microsoftGraphSingleSignOnModeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.singleSignOnMode"]> = ["none", "onPremisesKerberos", "saml", "pingHeaderBased", "aadHeaderBased", "oAuthToken", "unknownFutureValue"];
export const microsoftGraphSynchronizationTaskExecutionResultValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.synchronizationTaskExecutionResult"]> = ["Succeeded", "Failed", "EntryLevelErrors"];
export const microsoftGraphQuarantineReasonValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.quarantineReason"]> = ["EncounteredBaseEscrowThreshold", "EncounteredTotalEscrowThreshold", "EncounteredEscrowProportionThreshold", "EncounteredQuarantineException", "Unknown", "QuarantinedOnDemand", "TooManyDeletes", "IngestionInterrupted"];
export const microsoftGraphObjectFlowTypesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.objectFlowTypes"]> = ["None", "Add", "Update", "Delete"];
export const microsoftGraphObjectDefinitionMetadataValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.objectDefinitionMetadata"]> = ["PropertyNameAccountEnabled", "PropertyNameSoftDeleted", "IsSoftDeletionSupported", "IsSynchronizeAllSupported", "ConnectorDataStorageRequired", "Extensions", "BaseObjectName"];
export const microsoftGraphKerberosSignOnMappingAttributeTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.kerberosSignOnMappingAttributeType"]> = ["userPrincipalName", "onPremisesUserPrincipalName", "userPrincipalUsername", "onPremisesUserPrincipalUsername", "onPremisesSAMAccountName"];
export const microsoftGraphAttributeFlowBehaviorValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.attributeFlowBehavior"]> = ["FlowWhenChanged", "FlowAlways"];
export const microsoftGraphAttributeFlowTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.attributeFlowType"]> = ["Always", "ObjectAddOnly", "MultiValueAddOnly", "ValueAddOnly", "AttributeAddOnly"];
export const microsoftGraphObjectMappingMetadataValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.objectMappingMetadata"]> = ["EscrowBehavior", "DisableMonitoringForChanges", "OriginalJoiningProperty", "Disposition", "IsCustomerDefined", "ExcludeFromReporting", "Unsynchronized"];
export const microsoftGraphAppKeyCredentialRestrictionTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.appKeyCredentialRestrictionType"]> = ["asymmetricKeyLifetime", "trustedCertificateAuthority", "unknownFutureValue"];
export const microsoftGraphAppManagementRestrictionStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.appManagementRestrictionState"]> = ["enabled", "disabled", "unknownFutureValue"];
export const microsoftGraphAppCredentialRestrictionTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["microsoft.graph.appCredentialRestrictionType"]> = ["passwordAddition", "passwordLifetime", "symmetricKeyAddition", "symmetricKeyLifetime", "customPasswordAddition", "unknownFutureValue"];
