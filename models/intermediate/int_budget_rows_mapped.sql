{#-
    Rows of economic tables with the table's kind and, where the columns do not say it, the
    row's flow: in tables by revenue and cost from the row label, matched against the
    reviewed patterns of row_flow_map (the best priority wins); else the table's default
    (net for tables per unit).
-#}
with

rows as (

    select * from {{ ref('stg_table_rows') }}

),

tables as (

    select * from {{ ref('int_report_tables') }}

),

table_kinds as (

    select * from {{ ref('table_kind_map') }}

),

row_flows as (

    select * from {{ ref('row_flow_map') }}

),

row_flow_matches as (

    select
        rows.report_id,
        rows.table_id,
        rows.row_number,
        row_flows.flow,
        rank() over (
            partition by rows.report_id, rows.table_id, rows.row_number
            order by row_flows.priority
        ) as match_rank
    from rows
    inner join row_flows on rows.row_label_key like row_flows.row_label_pattern

),

row_flow as (

    -- Two patterns of the same priority that name different flows leave the flow open:
    -- the not_null test on int_budget_amounts.flow then fails the build.
    select
        report_id,
        table_id,
        row_number,
        case when count(distinct flow) = 1 then min(flow) end as flow
    from row_flow_matches
    where match_rank = 1
    group by report_id, table_id, row_number

),

final as (

    select
        rows.report_id,
        rows.table_id,
        rows.row_number,
        rows.row_label,
        rows.row_role,
        rows.is_varav,
        rows.parent_row_number,
        rows.role_evidence,
        rows.label_line,
        rows.source_line,
        rows.resolution,
        tables.table_title,
        table_kinds.table_kind,
        case
            when table_kinds.table_kind = 'by_flow' then row_flow.flow
            else table_kinds.default_flow
        end as row_flow
    from rows
    inner join tables
        on rows.report_id = tables.report_id
        and rows.table_id = tables.table_id
    left join table_kinds on tables.table_title_key = table_kinds.table_title_key
    left join row_flow
        on rows.report_id = row_flow.report_id
        and rows.table_id = row_flow.table_id
        and rows.row_number = row_flow.row_number
    where tables.mart_family = 'budget'

)

select * from final
