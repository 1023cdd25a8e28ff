{#-
    What a family's reviewed maps do not cover yet, per table: a column header key, a row
    label or a table title with no entry. A table with a gap does not enter its family's
    marts (its cells go to fct_report_table_cells) and the gap is listed in
    dq_unmapped_tables, saying which seed to extend: mapping a new layout is a seed change.
-#}
with

columns as (

    select * from {{ ref('int_table_columns_keyed') }}

),

rows as (

    select * from {{ ref('stg_table_rows') }}

),

tables as (

    select * from {{ ref('int_report_tables') }}

),

budget_headers as (

    select * from {{ ref('column_header_map') }}

),

table_kinds as (

    select * from {{ ref('table_kind_map') }}

),

row_flows as (

    select * from {{ ref('row_flow_map') }}

),

placement_headers as (

    select * from {{ ref('placement_column_map') }}

),

care_categories as (

    select * from {{ ref('care_category_map') }}

),

measure_headers as (

    select * from {{ ref('measure_column_map') }}

),

table_measures as (

    select * from {{ ref('table_measure_map') }}

),

sick_leave_headers as (

    select * from {{ ref('sick_leave_column_map') }}

),

column_seeds as (

    -- the seed that maps each family's column header keys
    select * from (
        values
            ('budget', 'column_header_map'),
            ('placement_volume', 'placement_column_map'),
            ('placement_price', 'placement_column_map'),
            ('personal_assistance', 'measure_column_map'),
            ('state_grants', 'measure_column_map'),
            ('investments', 'measure_column_map'),
            ('assignment_counts', 'measure_column_map'),
            ('staff_turnover', 'measure_column_map'),
            ('case_statistics', 'measure_column_map'),
            ('placement_counts', 'measure_column_map')
    ) as family_seeds (mart_family, seed)

),

mapped_column_keys as (

    select 'budget' as mart_family, header_key from budget_headers
    union all
    select table_family as mart_family, header_key from placement_headers
    union all
    select table_family as mart_family, header_key from measure_headers

),

column_gaps as (

    select
        columns.report_id, columns.table_id, columns.mart_family, 'column' as gap_kind,
        columns.column_header as printed, columns.header_key as mapping_key, column_seeds.seed
    from columns
    inner join column_seeds on columns.mart_family = column_seeds.mart_family
    where not exists (
        select 1 from mapped_column_keys
        where mapped_column_keys.mart_family = columns.mart_family
            and mapped_column_keys.header_key = columns.header_key
    )

),

budget_table_gaps as (

    select
        report_id, table_id, mart_family, 'table' as gap_kind, table_title as printed,
        table_title_key as mapping_key, 'table_kind_map' as seed
    from tables
    where mart_family = 'budget'
        and table_title_key not in (select table_kinds.table_title_key from table_kinds)

),

budget_row_gaps as (

    -- tables by revenue and cost take each row's flow from its label
    select
        rows.report_id, rows.table_id, tables.mart_family, 'row' as gap_kind,
        rows.row_label as printed, rows.row_label_key as mapping_key, 'row_flow_map' as seed
    from rows
    inner join tables
        on rows.report_id = tables.report_id
        and rows.table_id = tables.table_id
    inner join table_kinds on tables.table_title_key = table_kinds.table_title_key
    where tables.mart_family = 'budget'
        and table_kinds.table_kind = 'by_flow'
        and not exists (
            select 1 from row_flows where rows.row_label_key like row_flows.row_label_pattern
        )

),

placement_row_gaps as (

    select
        rows.report_id, rows.table_id, tables.mart_family, 'row' as gap_kind,
        rows.row_label as printed, rows.row_label_key as mapping_key,
        'care_category_map' as seed
    from rows
    inner join tables
        on rows.report_id = tables.report_id
        and rows.table_id = tables.table_id
    where tables.mart_family in ('placement_volume', 'placement_price')
        and rows.row_label_key not in (
            select care_categories.care_category_label_key from care_categories
        )

),

measure_table_gaps as (

    select
        report_id, table_id, mart_family, 'table' as gap_kind, table_title as printed,
        table_title_key as mapping_key, 'table_measure_map' as seed
    from tables
    where mart_family = 'personal_assistance'
        and not exists (
            select 1 from table_measures
            where table_measures.table_family = tables.mart_family
                and table_measures.table_title_key = tables.table_title_key
        )

),

sick_leave_column_gaps as (

    select
        report_id, table_id, mart_family, 'column' as gap_kind, column_header as printed,
        lower(column_header) as mapping_key, 'sick_leave_column_map' as seed
    from columns
    where mart_family in ('sick_leave_cost_centre', 'sick_leave_unit')
        and not exists (
            select 1 from sick_leave_headers
            where lower(columns.column_header) like sick_leave_headers.header_pattern
        )

),

final as (

    select * from column_gaps
    union all
    select * from budget_table_gaps
    union all
    select * from budget_row_gaps
    union all
    select * from placement_row_gaps
    union all
    select * from measure_table_gaps
    union all
    select * from sick_leave_column_gaps

)

select * from final
